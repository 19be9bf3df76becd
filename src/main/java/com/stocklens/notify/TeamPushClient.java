package com.stocklens.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Posts to one robot in its platform's dialect: builds the body, signs, reads the platform's verdict.
 * One subclass per platform; {@link #forRobot} picks it. {@link #send} blocks for the HTTP call, so it
 * runs on the push thread, and never throws: every failure comes back as {@link PushOutcome.Failed}
 * with the platform's code and plain words.
 */
public abstract sealed class TeamPushClient
        permits TeamPushClient.WeCom, TeamPushClient.DingTalk, TeamPushClient.Feishu {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** The platforms echo our message back in some errors; keep what we show short. */
    private static final int MAX_PLATFORM_MESSAGE = 160;

    final TeamRobot robot;
    private final OkHttpClient http;
    final Clock clock;
    final ObjectMapper json;

    TeamPushClient(TeamRobot robot, OkHttpClient http, Clock clock, ObjectMapper json) {
        this.robot = Objects.requireNonNull(robot, "robot");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The client for the robot's platform. */
    public static TeamPushClient forRobot(TeamRobot robot, OkHttpClient http, Clock clock) {
        ObjectMapper json = new ObjectMapper();
        return switch (robot.platform()) {
            case WECOM -> new WeCom(robot, http, clock, json);
            case DINGTALK -> new DingTalk(robot, http, clock, json);
            case FEISHU -> new Feishu(robot, http, clock, json);
        };
    }

    public TeamRobot robot() {
        return robot;
    }

    /** Posts the message and reports how it went. Blocking; never throws. */
    public PushOutcome send(TeamMessage message) {
        Request request;
        try {
            request = request(message);
        } catch (RuntimeException e) {
            // A body or URL we could not build is our bug, but still must not stop the push thread.
            return failed(PushOutcome.Cause.MALFORMED_RESPONSE, null,
                    "无法生成推送请求 · could not build the push request: " + e.getClass().getSimpleName());
        }
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body.string();
            if (!response.isSuccessful()) {
                return failed(PushOutcome.Cause.HTTP_STATUS, response.code(),
                        "平台返回 HTTP " + response.code() + " · the platform answered HTTP " + response.code());
            }
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (IOException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                return failed(PushOutcome.Cause.MALFORMED_RESPONSE, null,
                        "无法读取平台的回复 · unreadable answer from the platform");
            }
            return verdict(node);
        } catch (InterruptedIOException e) {
            return failed(PushOutcome.Cause.NETWORK, null, "连接超时 · timed out waiting for the platform");
        } catch (IOException e) {
            // The exception text names host and port at most; OkHttp never puts the query in it.
            return failed(PushOutcome.Cause.NETWORK, null,
                    "无法连接平台 · could not reach the platform (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The signed request for this message. */
    abstract Request request(TeamMessage message);

    /** Reads the platform's JSON answer to a 2xx. */
    abstract PushOutcome verdict(JsonNode answer);

    /** Longest content, in UTF-8 bytes, the platform accepts in one message. */
    abstract int maxContentBytes();

    final Request post(HttpUrl url, JsonNode body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("an ObjectNode always serialises", e);
        }
        return new Request.Builder().url(url).post(RequestBody.create(bytes, JSON)).build();
    }

    final PushOutcome delivered() {
        return new PushOutcome.Delivered(robot.id(), robot.platform(), clock.instant());
    }

    final PushOutcome failed(PushOutcome.Cause cause, Integer code, String reason) {
        return new PushOutcome.Failed(robot.id(), robot.platform(), clock.instant(), cause, code, reason);
    }

    /** Success when {@code codeField} is 0; otherwise a failure worded from {@code known} or the platform's text. */
    final PushOutcome byCode(JsonNode answer, String codeField, String messageField, Map<Integer, String> known) {
        JsonNode code = answer.get(codeField);
        if (code == null || !code.canConvertToInt()) {
            return failed(PushOutcome.Cause.MALFORMED_RESPONSE, null,
                    "平台回复缺少 " + codeField + " · the answer has no " + codeField);
        }
        int value = code.asInt();
        if (value == 0) {
            return delivered();
        }
        String platformText = answer.path(messageField).asText("");
        if (platformText.length() > MAX_PLATFORM_MESSAGE) {
            platformText = platformText.substring(0, MAX_PLATFORM_MESSAGE) + "…";
        }
        String words = known.getOrDefault(value, "平台拒绝了消息 · the platform refused the message");
        return failed(PushOutcome.Cause.PLATFORM_ERROR, value,
                words + " (" + value + (platformText.isEmpty() ? "" : ": " + platformText) + ")");
    }

    /** Cuts {@code text} to at most {@code maxBytes} UTF-8 bytes without splitting a character. */
    static String fitUtf8(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        String ellipsis = "…";
        int budget = maxBytes - ellipsis.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return out.append(ellipsis).toString();
    }

    /**
     * WeCom 企业微信 group robot: {@code POST …/cgi-bin/webhook/send?key=KEY} with a markdown message;
     * no signature; answer {@code {"errcode":0,"errmsg":"ok"}}.
     */
    static final class WeCom extends TeamPushClient {
        private static final Map<Integer, String> KNOWN = Map.of(
                45009, "发送太频繁（每个机器人每分钟最多 20 条）· too many messages (20 a minute per robot)",
                93000, "Webhook 地址无效或机器人已被移除 · the webhook is invalid or the robot was removed",
                40008, "消息类型无效 · invalid message type",
                44004, "消息内容为空 · empty message");

        WeCom(TeamRobot robot, OkHttpClient http, Clock clock, ObjectMapper json) {
            super(robot, http, clock, json);
        }

        @Override
        Request request(TeamMessage message) {
            ObjectNode body = json.createObjectNode().put("msgtype", "markdown");
            // WeCom markdown: bold title, then the lines as they are.
            body.putObject("markdown").put("content",
                    fitUtf8("**" + message.title() + "**\n" + message.text(), maxContentBytes()));
            return post(robot.url(), body);
        }

        @Override
        PushOutcome verdict(JsonNode answer) {
            return byCode(answer, "errcode", "errmsg", KNOWN);
        }

        @Override
        int maxContentBytes() {
            return 4096;
        }
    }

    /**
     * DingTalk 钉钉 custom robot: {@code POST …/robot/send?access_token=T[&timestamp=ms&sign=S]} with a
     * markdown message; answer {@code {"errcode":0,"errmsg":"ok"}}.
     */
    static final class DingTalk extends TeamPushClient {
        private static final Map<Integer, String> KNOWN = Map.of(
                310000, "签名、关键词或 IP 校验未通过，请检查加签密钥、自定义关键词（如“StockLens”）和 IP 白名单"
                        + " · sign, keyword or IP check failed: check the secret, the custom keyword and the IP list",
                300001, "access_token 无效 · the access_token is not valid",
                410100, "发送太频繁（每个机器人每分钟最多 20 条）· too many messages (20 a minute per robot)",
                130101, "发送太频繁（每个机器人每分钟最多 20 条）· too many messages (20 a minute per robot)",
                400102, "机器人已停用 · the robot is disabled");

        DingTalk(TeamRobot robot, OkHttpClient http, Clock clock, ObjectMapper json) {
            super(robot, http, clock, json);
        }

        @Override
        Request request(TeamMessage message) {
            HttpUrl url = robot.url();
            if (robot.signs()) {
                long millis = clock.millis();
                url = url.newBuilder()
                        .removeAllQueryParameters("timestamp")
                        .removeAllQueryParameters("sign")
                        .addQueryParameter("timestamp", Long.toString(millis))
                        // addQueryParameter percent-encodes + / = as DingTalk requires.
                        .addQueryParameter("sign", RobotSigner.dingTalk(robot.secret(), millis))
                        .build();
            }
            ObjectNode body = json.createObjectNode().put("msgtype", "markdown");
            // DingTalk markdown needs a blank line for a line break.
            String text = "#### " + message.title() + "\n\n" + message.text().replace("\n", "\n\n");
            body.putObject("markdown").put("title", message.title()).put("text", fitUtf8(text, maxContentBytes()));
            return post(url, body);
        }

        @Override
        PushOutcome verdict(JsonNode answer) {
            return byCode(answer, "errcode", "errmsg", KNOWN);
        }

        @Override
        int maxContentBytes() {
            return 18_000;
        }
    }

    /**
     * Feishu 飞书 custom bot: {@code POST …/open-apis/bot/v2/hook/ID} with a text message, and
     * {@code "timestamp"} (epoch seconds, a string) and {@code "sign"} in the body when it signs; answer
     * {@code {"code":0,"msg":"success"}} (older bots: {@code {"StatusCode":0}}).
     */
    static final class Feishu extends TeamPushClient {
        private static final Map<Integer, String> KNOWN = Map.of(
                19021, "签名校验失败，请检查签名密钥和电脑时间 · signature mismatch: check the secret and the computer's clock",
                19022, "IP 不在白名单 · this IP address is not allowed",
                19024, "时间戳与飞书服务器相差超过 1 小时，请校准电脑时间 · timestamp more than 1 h off: fix the computer's clock",
                9499, "请求格式错误 · bad request");

        Feishu(TeamRobot robot, OkHttpClient http, Clock clock, ObjectMapper json) {
            super(robot, http, clock, json);
        }

        @Override
        Request request(TeamMessage message) {
            ObjectNode body = json.createObjectNode();
            if (robot.signs()) {
                long seconds = clock.instant().getEpochSecond();
                body.put("timestamp", Long.toString(seconds));
                body.put("sign", RobotSigner.feishu(robot.secret(), seconds));
            }
            body.put("msg_type", "text");
            body.putObject("content").put("text", fitUtf8(message.plain(), maxContentBytes()));
            return post(robot.url(), body);
        }

        @Override
        PushOutcome verdict(JsonNode answer) {
            // Bots created before 2020 answer in the old shape.
            if (!answer.has("code") && answer.has("StatusCode")) {
                return byCode(answer, "StatusCode", "StatusMessage", KNOWN);
            }
            return byCode(answer, "code", "msg", KNOWN);
        }

        @Override
        int maxContentBytes() {
            return 18_000;
        }
    }
}
