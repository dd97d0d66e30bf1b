package com.bevatel.simulator.springboot.example;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shop's own API: its web page opens a support chat for a customer. */
@RestController
public class SupportChatController {
    private final SupportDesk desk;

    public SupportChatController(SupportDesk desk) {
        this.desk = desk;
    }

    /** What the shop's page sends. */
    public record ChatRequest(String name, String phoneNumber, String message) {
    }

    @PostMapping("/support-chats")
    public Map<String, Long> open(@RequestBody ChatRequest request) {
        return Map.of("conversationId", desk.openChat(request.name(), request.phoneNumber(), request.message()));
    }
}
