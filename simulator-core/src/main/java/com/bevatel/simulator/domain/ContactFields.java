package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apiguardian.api.API;

/**
 * Contact attributes a create or update sends; a null field is "not given". Attribute bags given
 * on update are merged into the stored ones (keys sent overwrite, the others stay).
 */
@API(status = INTERNAL)
public record ContactFields(
        Change<String> name,
        Change<String> email,
        Change<String> phoneNumber,
        Change<String> identifier,
        Change<Boolean> blocked,
        ObjectNode additionalAttributes,
        ObjectNode customAttributes) {
}
