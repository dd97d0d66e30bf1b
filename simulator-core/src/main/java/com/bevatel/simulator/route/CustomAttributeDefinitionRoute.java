package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.CustomAttributeDefinitions;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.AttributeDisplayType;
import com.bevatel.simulator.model.AttributeModel;
import com.bevatel.simulator.model.CustomAttributeDefinition;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.CustomAttributeDefinitionView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/accounts/{id}/custom_attribute_definitions}
 * (app/controllers/api/v1/accounts/custom_attribute_definitions_controller.rb,
 * app/policies/custom_attribute_definition_policy.rb): members list and read them, administrators
 * create, change and delete them. The controller finds the definition before it asks the policy, so
 * an agent gets 404 for one that does not exist and 401 for one that does.
 */
final class CustomAttributeDefinitionRoute {
    private static final String KEY = "custom_attribute_definition";
    /** The model's attributes, which Rails wraps from a JSON body (see {@link WrappedParams}). */
    private static final List<String> MODEL_ATTRIBUTES = List.of("attribute_display_name", "attribute_key",
            "attribute_display_type", "default_value", "attribute_model", "created_at", "updated_at",
            "attribute_description", "attribute_values", "regex_pattern", "regex_cue");

    private CustomAttributeDefinitionRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/custom_attribute_definitions", Access.account(), (request, caller) ->
                router.store().read(state -> {
                    ArrayNode list = Json.array();
                    CustomAttributeDefinitions.list(state, caller.accountId(), request.params().node("attribute_model"))
                            .forEach(d -> list.add(CustomAttributeDefinitionView.rest(d)));
                    return Response.ok(list);
                }));
        router.accountPost("/custom_attribute_definitions", Access.account().administratorsOnly(), (request, caller) -> {
            CustomAttributeDefinitions.Fields fields = fields(request);
            return router.store().write(tx -> Response.ok(CustomAttributeDefinitionView.rest(
                    CustomAttributeDefinitions.create(tx, caller.accountId(), fields))));
        });
        router.accountGet("/custom_attribute_definitions/{id}", Access.account(), (request, caller) ->
                router.store().read(state -> Response.ok(CustomAttributeDefinitionView.rest(find(state, request, caller)))));
        router.accountUpdate("/custom_attribute_definitions/{id}", Access.account(), (request, caller) ->
                router.store().write(tx -> {
                    CustomAttributeDefinition current = administered(tx.state(), request, caller);
                    return Response.ok(CustomAttributeDefinitionView.rest(
                            CustomAttributeDefinitions.update(tx, current, fields(request))));
                }));
        router.accountDelete("/custom_attribute_definitions/{id}", Access.account(), (request, caller) ->
                router.store().write(tx -> {
                    CustomAttributeDefinitions.destroy(tx, administered(tx.state(), request, caller));
                    return new Response(204, null); // head :no_content
                }));
    }

    private static CustomAttributeDefinition find(State state, Request request, Caller caller) {
        return CustomAttributeDefinitions.find(state, caller.accountId(), request.idParam("id"));
    }

    /** Found first (404), then the policy: administrators only (401). */
    private static CustomAttributeDefinition administered(State state, Request request, Caller caller) {
        CustomAttributeDefinition definition = find(state, request, caller);
        if (!caller.administrator()) {
            throw Errors.unauthorizedAction();
        }
        return definition;
    }

    /**
     * {@code params.require(:custom_attribute_definition).permit(:attribute_display_name, :attribute_description,
     * :attribute_display_type, :attribute_key, :attribute_model, :regex_pattern, :regex_cue, attribute_values: [])}:
     * a value that is not a scalar (an array of scalars for the values) is not permitted, so not assigned.
     */
    private static CustomAttributeDefinitions.Fields fields(Request request) {
        Params p = WrappedParams.require(request, KEY, MODEL_ATTRIBUTES);
        return new CustomAttributeDefinitions.Fields(text(p, "attribute_display_name"), text(p, "attribute_description"),
                enumeration(p, AttributeDisplayType.class, "attribute_display_type"), text(p, "attribute_key"),
                enumeration(p, AttributeModel.class, "attribute_model"), text(p, "regex_pattern"), text(p, "regex_cue"),
                values(p.node("attribute_values")));
    }

    private static Change<String> text(Params p, String key) {
        return p.has(key) ? Change.of(p.string(key)) : null;
    }

    private static <E extends Enum<E>> Change<E> enumeration(Params p, Class<E> type, String key) {
        JsonNode node = p.node(key);
        if (node == null || node.isContainerNode()) {
            return null;
        }
        return Change.of(CustomAttributeDefinitions.parseEnum(type, key, node));
    }

    /** An array of scalars as stored in the jsonb column; anything else is not permitted (null: not given). */
    private static List<Object> values(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isContainerNode()) {
                return null;
            }
            values.add(item.isNull() ? null : item.isTextual() ? item.asText() : item.isBoolean() ? item.booleanValue()
                    : item.isIntegralNumber() ? (Object) item.bigIntegerValue() : (Object) item.doubleValue());
        }
        return values;
    }
}
