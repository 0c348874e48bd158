package corelab.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
    private static final byte[] EXPECTED = "Hello from corelab\n".getBytes(StandardCharsets.UTF_8);
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 19\r\n\r\n"
            + "Hello from corelab\n";

    private final ResponseParser parser = new ResponseParser();

    @Test
    void aCorrectAnswerInOnePiece() throws IOException {
        parser.expect(EXPECTED);
        ByteBuffer in = bytes(OK);
        assertTrue(parser.feed(in));
        assertFalse(in.hasRemaining());
        assertEquals(200, parser.status());
        assertTrue(parser.correct());
        assertFalse(parser.closeAfter());
    }

    @Test
    void aCorrectAnswerOneByteAtATime() throws IOException {
        parser.expect(EXPECTED);
        byte[] all = OK.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < all.length; i++) {
            boolean done = parser.feed(ByteBuffer.wrap(all, i, 1).slice());
            assertEquals(i == all.length - 1, done, "complete only after the last byte, at " + i);
        }
        assertTrue(parser.correct());
    }

    @Test
    void theParserIsReusedAnswerAfterAnswer() throws IOException {
        for (int i = 0; i < 3; i++) {
            parser.expect(EXPECTED);
            assertTrue(parser.feed(bytes(OK)));
            assertTrue(parser.correct());
        }
    }

    @Test
    void aDifferentBodyOfTheSameLengthIsWrong() throws IOException {
        parser.expect(EXPECTED);
        assertTrue(parser.feed(bytes(OK.replace("corelab", "corelaB"))));
        assertEquals(200, parser.status());
        assertFalse(parser.correct());
    }

    @Test
    void aBodyOfAnotherLengthIsWrong() throws IOException {
        parser.expect(EXPECTED);
        assertTrue(parser.feed(bytes("HTTP/1.1 200 OK\r\ncontent-length: 3\r\n\r\nHi\n")));
        assertFalse(parser.correct());
    }

    @Test
    void anErrorStatusWithConnectionCloseIsReadToItsEnd() throws IOException {
        parser.expect(EXPECTED);
        ByteBuffer in = bytes("HTTP/1.1 404 Not Found\r\nCONNECTION: keep-alive, Close\r\nContent-Length: 5\r\n\r\nnope\nEXTRA");
        assertTrue(parser.feed(in));
        assertEquals(404, parser.status());
        assertFalse(parser.correct());
        assertTrue(parser.closeAfter());
        assertEquals(5, in.remaining(), "bytes after the answer are left in the buffer");
    }

    @Test
    void malformedAnswersAreRefused() {
        for (String answer : new String[] {
                "HTTP/1.1 200 OK\r\n\r\n", // no Content-Length
                "HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n",
                "SMTP 220 hello\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX: " + "y".repeat(ResponseParser.MAX_LINE_BYTES) + "\r\n\r\n"}) {
            parser.expect(EXPECTED);
            assertThrows(IOException.class, () -> parser.feed(bytes(answer)), answer);
        }
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static final byte[] COUNTER_PREFIX = "counter value=".getBytes(StandardCharsets.US_ASCII);

    private static String counterAnswer(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void aCountAnswerIsCheckedForItsFormAndItsCountRead() throws IOException {
        byte[] all = counterAnswer("counter value=40213\n").getBytes(StandardCharsets.US_ASCII);
        parser.expect(COUNTER_PREFIX, true);
        for (int i = 0; i < all.length; i++) { // in pieces: the count may be split anywhere
            parser.feed(ByteBuffer.wrap(all, i, 1).slice());
        }
        assertTrue(parser.correct());
        assertEquals(40213, parser.count());
    }

    @Test
    void aMalformedCountIsAWrongAnswer() throws IOException {
        for (String body : new String[] {"counter value=0\n", "counter value=012\n", "counter value=\n",
                "counter value=12x\n", "counter value=12", "counter valve=12\n", "counter value=-1\n",
                "counter value=1234567890123456789\n"}) {
            parser.expect(COUNTER_PREFIX, true);
            assertTrue(parser.feed(bytes(counterAnswer(body))), body);
            assertFalse(parser.correct(), body);
        }
    }
}
