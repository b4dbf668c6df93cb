package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.liosmis.lio.LioRoot;

/**
 * Before serving: the state database must know every volume lio-smis made. A database deleted,
 * emptied or restored from an older backup while lio-smis was stopped would otherwise silently
 * drop those volumes' ElementNames and replica relationships.
 */
public final class StateCheck {

    private static final int NAMES_SHOWN = 5;

    private StateCheck() {
    }

    /**
     * Opens the database once it is found to know every volume LIO holds that lio-smis made; a
     * database found missing or empty is left as it is.
     *
     * @param wayOut what the person starting lio-smis can do, appended to the refusal
     */
    public static StateStore open(LioRoot lio, Path database, String wayOut) {
        List<String> made = LioVolumes.all(lio).stream().filter(LioVolumes.LioVolume::madeByLioSmis)
                .map(LioVolumes.LioVolume::id).toList();
        if (made.isEmpty()) {
            return StateStore.open(database);
        }
        String held = volumes(made.size()) + " lio-smis made";
        if (Files.notExists(database)) {
            throw refused(database, "is missing, but LIO holds " + held, made, wayOut);
        }
        if (empty(database)) {
            throw refused(database, "is empty, but LIO holds " + held, made, wayOut);
        }
        StateStore store = StateStore.open(database);
        Set<String> known = store.knownVolumes();
        List<String> unknown = made.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            store.close();
            throw refused(database, (unknown.size() == made.size() ? "knows none" : "does not know " + unknown.size())
                    + " of the " + held + " that LIO holds", unknown, wayOut);
        }
        return store;
    }

    private static boolean empty(Path database) {
        try {
            return Files.size(database) == 0;
        } catch (IOException e) {
            throw new EngineException("cannot read the state database " + database + ": " + e.getMessage(), e);
        }
    }

    private static EngineException refused(Path database, String problem, List<String> volumes, String wayOut) {
        String shown = String.join(", ", volumes.subList(0, Math.min(NAMES_SHOWN, volumes.size())))
                + (volumes.size() > NAMES_SHOWN ? " and " + (volumes.size() - NAMES_SHOWN) + " more" : "");
        return new EngineException("the state database " + database + " " + problem + " (" + shown + "), so their"
                + " ElementNames and replica relationships would be lost. " + wayOut, null);
    }

    private static String volumes(int count) {
        return count == 1 ? "1 volume" : count + " volumes";
    }
}
