package com.bevatel.simulator.standalone.cli;

import com.bevatel.simulator.AgentBotSetup;
import com.bevatel.simulator.BevatelSimulator;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent bots of the command line: {@code --agent-bot 'Echo Bot[:TOKEN]'} adds one (a missing
 * token is drawn from the seed), and the bot's name keys the rest:
 * {@code --agent-bot-url 'Echo Bot=http://127.0.0.1:8081/bot'} or {@code --agent-bot-sink 'Echo Bot=bot'}
 * (its outgoing URL, or the built-in sink {@code bot}), {@code --agent-bot-inbox 'Echo Bot'} (it serves
 * the API inbox). A name no {@code --agent-bot} gives, a bot with both a URL and a sink, or the same
 * setting given twice is refused before anything starts.
 *
 * @param bots  {@code NAME[:TOKEN]} each
 * @param urls  {@code NAME=URL} each
 * @param sinks {@code NAME=SINK} each
 * @param inbox the name of the bot serving the API inbox, or null
 */
public record AgentBotFlags(List<String> bots, List<String> urls, List<String> sinks, String inbox) {

    /** Adds the bots to the builder, or throws IllegalArgumentException naming the flag at fault. */
    public void addTo(BevatelSimulator.Builder builder) {
        Map<String, AgentBotSetup> setups = new LinkedHashMap<>();
        for (String spec : bots) {
            String[] parts = spec.split(":", 2);
            String name = parts[0].trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("--agent-bot takes NAME[:TOKEN], not '" + spec + "'");
            }
            AgentBotSetup setup = AgentBotSetup.named(name);
            if (parts.length == 2 && !parts[1].isBlank()) {
                setup = setup.accessToken(parts[1].trim());
            }
            if (setups.put(name, setup) != null) {
                throw new IllegalArgumentException("--agent-bot '" + name + "' is given twice; each bot needs a name of its own");
            }
        }
        Map<String, String> urlOf = keyed("--agent-bot-url", "NAME=URL", urls, setups);
        Map<String, String> sinkOf = keyed("--agent-bot-sink", "NAME=SINK", sinks, setups);
        if (inbox != null) {
            known("--agent-bot-inbox", inbox.trim(), setups);
        }
        setups.forEach((name, setup) -> {
            if (urlOf.containsKey(name) && sinkOf.containsKey(name)) {
                throw new IllegalArgumentException("agent bot '" + name + "' gets an outgoing URL or a built-in sink, not both"
                        + " (--agent-bot-url / --agent-bot-sink)");
            }
            AgentBotSetup bot = setup;
            if (urlOf.containsKey(name)) {
                bot = bot.outgoingUrl(url(name, urlOf.get(name)));
            }
            if (sinkOf.containsKey(name)) {
                bot = bot.outgoingSink(sinkOf.get(name));
            }
            if (servesApiInbox(name)) {
                bot = bot.servingApiInbox();
            }
            builder.agentBot(bot);
        });
    }

    /** The bots' names, in the order given. */
    public List<String> names() {
        return bots.stream().map(spec -> spec.split(":", 2)[0].trim()).toList();
    }

    /** Whether {@code --agent-bot-inbox} names this bot. */
    public boolean servesApiInbox(String name) {
        return inbox != null && inbox.trim().equals(name);
    }

    /** {@code NAME=VALUE} flags, one per bot, each naming a bot of {@code --agent-bot}. */
    private static Map<String, String> keyed(String flag, String label, List<String> specs, Map<String, AgentBotSetup> bots) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String name = eq < 0 ? "" : spec.substring(0, eq).trim();
            String value = eq < 0 ? "" : spec.substring(eq + 1).trim();
            if (name.isEmpty() || value.isEmpty()) {
                throw new IllegalArgumentException(flag + " takes " + label + ", not '" + spec + "'");
            }
            known(flag, name, bots);
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException(flag + " names '" + name + "' twice; a bot has one");
            }
        }
        return values;
    }

    private static void known(String flag, String name, Map<String, AgentBotSetup> bots) {
        if (!bots.containsKey(name)) {
            throw new IllegalArgumentException(flag + " names '" + name + "', but no --agent-bot has that name"
                    + (bots.isEmpty() ? "" : " (the bots: " + String.join(", ", bots.keySet()) + ")"));
        }
    }

    private static URI url(String name, String value) {
        try {
            URI url = new URI(value);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // Answered below, as any other unusable URL.
        }
        throw new IllegalArgumentException("--agent-bot-url '" + name + "=" + value + "': not an absolute http:// or https://"
                + " URL");
    }
}
