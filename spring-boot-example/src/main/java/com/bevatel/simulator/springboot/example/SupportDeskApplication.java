package com.bevatel.simulator.springboot.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A shop's support desk, as an integrator writes one against Bevatel's API channel: it opens chats for
 * its customers ({@link SupportChatController}) and answers what they write there
 * ({@link BevatelWebhookController}), talking to Bevatel with Spring's {@code RestClient} ({@link BevatelClient}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportDeskApplication {
    public static void main(String[] args) {
        SpringApplication.run(SupportDeskApplication.class, args);
    }
}
