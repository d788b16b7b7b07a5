package io.scrapline.alert.domain;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The audiences a tenant writes, whom rules notify. */
public final class AlertInputs {

    private AlertInputs() {
    }

    /** A member of an audience; {@code lines} limits the member to some lines of the plant. */
    public record Member(String name, String role, String email, String phone, String webhookUrl, List<String> lines) {
    }

    public record Audience(List<Member> members) {

        /**
         * The members as stored in {@code audiences.members}, the array that the evaluation and the channels read:
         * {@code name}, {@code role}, {@code email}, {@code phone}, {@code webhook_url}, {@code lines}.
         */
        public String membersJson() {
            ArrayNode array = JsonText.array();
            for (Member member : members) {
                ObjectNode node = array.addObject().put("name", member.name()).put("role", member.role())
                        .put("email", member.email()).put("phone", member.phone())
                        .put("webhook_url", member.webhookUrl());
                ArrayNode lines = node.putArray("lines");
                if (member.lines() != null) {
                    member.lines().forEach(lines::add);
                }
            }
            return JsonText.write(array);
        }
    }

    /** An audience as the audit keeps it: {@code {"id": ..., "members": [...]}}, from its stored members. */
    public static String audienceJson(String id, String membersJson) {
        return "{\"id\":" + JsonText.write(TextNode.valueOf(id)) + ",\"members\":" + membersJson + "}";
    }
}
