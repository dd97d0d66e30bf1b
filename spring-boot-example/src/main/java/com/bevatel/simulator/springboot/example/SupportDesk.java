package com.bevatel.simulator.springboot.example;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** What the desk does: opens a customer's chat in Bevatel, and answers what customers write there. */
@Service
public class SupportDesk {
    private static final Pattern ORDER = Pattern.compile("order #?(\\d+)", Pattern.CASE_INSENSITIVE);

    private final BevatelClient bevatel;
    private final OrderBook orders;

    public SupportDesk(BevatelClient bevatel, OrderBook orders) {
        this.bevatel = bevatel;
        this.orders = orders;
    }

    /**
     * Bevatel's "send messages to the API channel" guide: a contact in the API inbox, a conversation on
     * its {@code source_id}, then the customer's first message, {@code incoming}.
     *
     * @return the conversation's id
     */
    public long openChat(String customerName, String phoneNumber, String firstMessage) {
        BevatelClient.ContactInbox contact = bevatel.createContact(customerName, phoneNumber);
        long conversation = bevatel.openConversation(contact);
        bevatel.sendMessage(conversation, firstMessage, "incoming");
        return conversation;
    }

    /** A customer wrote in a conversation: the order's status when the message names a known order, else a holding answer. */
    public void answer(long conversationId, String customerName, String content) {
        Matcher order = ORDER.matcher(content == null ? "" : content);
        String reply = order.find()
                ? orders.status(order.group(1)).map(status -> "Order " + order.group(1) + " " + status + ".")
                        .orElse("We could not find order " + order.group(1) + ": an agent will look into it.")
                : "Thanks " + customerName + ", an agent will answer shortly.";
        bevatel.sendMessage(conversationId, reply, "outgoing");
    }
}
