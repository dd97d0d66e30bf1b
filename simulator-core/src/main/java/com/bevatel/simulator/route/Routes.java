package com.bevatel.simulator.route;

import com.bevatel.simulator.http.Router;

/** Every resource's routes, registered in one place. */
public final class Routes {
    private Routes() {
    }

    public static void registerAll(Router router) {
        ProfileRoute.register(router);
        InboxRoute.register(router);
        ContactRoute.register(router);
        ContactInboxRoute.register(router);
        ContactNoteRoute.register(router);
        ContactMergeRoute.register(router);
        ConversationRoute.register(router);
        MessageRoute.register(router);
        PublicInboxRoute.register(router);
        PublicContactRoute.register(router);
        PublicConversationRoute.register(router);
        PublicMessageRoute.register(router);
        WebhookRoute.register(router);
        AgentBotRoute.register(router);
        CustomAttributeDefinitionRoute.register(router);
        TeamRoute.register(router);
        LabelRoute.register(router);
        CannedResponseRoute.register(router);
        AgentRoute.register(router);
        InboxMemberRoute.register(router);
        ContactLabelRoute.register(router);
        ContactableInboxRoute.register(router);
        ContactFilterRoute.register(router);
        ConversationFilterRoute.register(router);
        ConversationActionRoute.register(router);
        DestroyCustomAttributesRoute.register(router);
        ParticipantRoute.register(router);
        SearchRoute.register(router);
        ConversationLabelRoute.register(router);
        AssignmentRoute.register(router);
        AttachmentRoute.register(router);
        InboxDeleteRoute.register(router);
        SimulatorAgentRoute.register(router);
        SimulatorClockRoute.register(router);
    }
}
