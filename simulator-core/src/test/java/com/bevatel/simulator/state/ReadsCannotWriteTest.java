package com.bevatel.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.model.Contact;
import org.junit.jupiter.api.Test;

/** Issue 15 §1: a read never changes the state; rows change only inside a write, with undo and events. */
class ReadsCannotWriteTest {
    @Test
    void aRowChangedUnderAReadIsRefusedAndNothingChanges() {
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            assertThat(http.post(Http.account("/contacts"), "{\"name\":\"Alice\"}").status()).isEqualTo(200);
            Contact alice = SimulatorAccess.store(sim).read(state -> state.contacts.get(1));

            assertThatThrownBy(() -> SimulatorAccess.store(sim).read(state -> {
                Contact.Builder renamed = alice.toBuilder();
                renamed.name = "Mallory";
                state.contacts.put(renamed.build());
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("only inside Store.write");
            assertThatThrownBy(() -> SimulatorAccess.store(sim).read(state -> {
                state.contacts.remove(1);
                return null;
            })).isInstanceOf(IllegalStateException.class);

            assertThat(http.get(Http.account("/contacts/1")).json().at("/payload/name").asText()).isEqualTo("Alice");
            // The same change inside a write is what the domain does, and it commits.
            SimulatorAccess.store(sim).write(tx -> {
                Contact.Builder renamed = alice.toBuilder();
                renamed.name = "Alicia";
                tx.state().contacts.put(renamed.build());
                return null;
            });
            assertThat(http.get(Http.account("/contacts/1")).json().at("/payload/name").asText()).isEqualTo("Alicia");
        }
    }
}
