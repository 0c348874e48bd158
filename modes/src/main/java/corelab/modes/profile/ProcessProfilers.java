package corelab.modes.profile;

import corelab.modes.options.ProfileEvent;
import corelab.modes.wire.ProfileCommand;
import corelab.modes.wire.ProfileDumped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorders of one server JVM, driven by the same {@link ProfileCommand}s: async-profiler
 * ({@link InProcessProfiler}) for its events, the JDK Flight Recorder ({@link FlightRecording}) for
 * {@code event=jfr}. A stop stops both; a dump dumps each that was started since the last dump,
 * and answers once per recorder. Calls come one at a time from the channel's thread.
 */
public final class ProcessProfilers {
    private final InProcessProfiler profiler;
    private final FlightRecording recording;
    private boolean profilerStarted;

    /** {@code fileSuffix}: what tells this process's files from the others' of one server ("-worker2", or ""). */
    public ProcessProfilers(int workerId, String fileSuffix) {
        this.profiler = new InProcessProfiler(workerId, fileSuffix);
        this.recording = new FlightRecording(workerId, fileSuffix);
    }

    /** Carries out one command; a dump's answers, once their files are complete. */
    public List<ProfileDumped> handle(ProfileCommand command) throws IOException {
        List<ProfileDumped> answers = new ArrayList<>();
        switch (command.action()) {
            case LOAD -> {
                if (isJfr(command.event())) {
                    recording.load();
                } else {
                    profiler.handle(command); // loads async-profiler's library now rather than at the first start
                }
            }
            case START -> {
                if (isJfr(command.event())) {
                    recording.start();
                } else {
                    profiler.handle(command);
                    profilerStarted = true;
                }
            }
            case STOP -> {
                recording.stop();
                profiler.handle(command);
            }
            case DUMP -> {
                if (profilerStarted) {
                    profilerStarted = false;
                    profiler.handle(command).ifPresent(answers::add);
                }
                if (recording.open()) {
                    answers.add(recording.dump(command.toPrefix()));
                }
                if (answers.isEmpty()) {
                    throw new IOException("nothing to dump: neither recorder was started");
                }
            }
        }
        return answers;
    }

    private static boolean isJfr(String word) {
        return ProfileEvent.JFR.word().equals(word);
    }
}
