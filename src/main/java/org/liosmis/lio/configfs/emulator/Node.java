package org.liosmis.lio.configfs.emulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a path sits in the LIO configfs tree, judged from its position and names alone. */
record Node(Kind kind, Path path, List<String> parts) {

    /** The kinds of configfs objects; the ones a person creates with mkdir are "items". */
    enum Kind {
        ROOT, CORE, HBA, STORAGE_OBJECT, FABRIC, TARGET, TPG, LUN, PORTAL, ACL, MAPPED_LUN,
        /** a default group or attribute file: created and removed by the kernel only */
        DEFAULT;

        boolean isItem() {
            return this != ROOT && this != CORE && this != DEFAULT;
        }
    }

    static final Pattern HBA_NAME = Pattern.compile("(fileio|iblock|rd_mcp|pscsi|user)_(\\d+)");
    private static final Pattern TPG_NAME = Pattern.compile("tpgt_\\d+");
    private static final Pattern LUN_NAME = Pattern.compile("lun_\\d+");
    private static final Pattern PORTAL_NAME = Pattern.compile(".+:\\d+");
    /** Fabric modules the kernel can load on mkdir. */
    static final Set<String> FABRICS = Set.of("iscsi", "loopback", "vhost", "xen-pvscsi", "tcm_fc",
            "qla2xxx", "srpt", "usb_gadget", "sbp", "ibmvscsis", "efct");

    /** Classifies {@code path}, which must lie under {@code root} (or be it). */
    static Node of(Path root, Path path) {
        List<String> parts = new ArrayList<>();
        root.relativize(path).forEach(p -> parts.add(p.toString()));
        if (parts.size() == 1 && parts.getFirst().isEmpty()) {
            parts.clear();
        }
        // an item needs a valid name, and so does every item above it
        boolean misnamed = false;
        for (int depth = 1; depth <= parts.size(); depth++) {
            Kind positional = positional(parts.subList(0, depth));
            misnamed |= positional != Kind.DEFAULT && !nameFits(positional, parts.get(depth - 1));
        }
        Kind kind = misnamed ? Kind.DEFAULT : positional(parts);
        return new Node(kind, path, List.copyOf(parts));
    }

    /** The kind an item at this position would have, if its name is valid. */
    static Kind positional(List<String> parts) {
        int n = parts.size();
        if (n == 0) {
            return Kind.ROOT;
        }
        if (parts.getFirst().equals("core")) {
            return switch (n) {
                case 1 -> Kind.CORE;
                case 2 -> Kind.HBA;
                case 3 -> Kind.STORAGE_OBJECT;
                default -> Kind.DEFAULT;
            };
        }
        return switch (n) {
            case 1 -> Kind.FABRIC;
            case 2 -> Kind.TARGET;
            case 3 -> Kind.TPG;
            case 5 -> switch (parts.get(3)) {
                case "lun" -> Kind.LUN;
                case "np" -> Kind.PORTAL;
                case "acls" -> Kind.ACL;
                default -> Kind.DEFAULT;
            };
            case 6 -> parts.get(3).equals("acls") ? Kind.MAPPED_LUN : Kind.DEFAULT;
            default -> Kind.DEFAULT;
        };
    }

    static boolean nameFits(Kind kind, String name) {
        return switch (kind) {
            case CORE -> name.equals("core");
            case HBA -> HBA_NAME.matcher(name).matches();
            case FABRIC -> FABRICS.contains(name);
            case TARGET -> !name.equals("discovery_auth");
            case TPG -> TPG_NAME.matcher(name).matches();
            case LUN, MAPPED_LUN -> LUN_NAME.matcher(name).matches();
            case PORTAL -> PORTAL_NAME.matcher(name).matches();
            default -> true;
        };
    }

    /** True for a path at an item's position whose name (or an ancestor's) does not fit. */
    boolean misnamed() {
        return kind == Kind.DEFAULT && positional(parts) != Kind.DEFAULT;
    }

    String name() {
        return parts.getLast();
    }

    /** The plugin of an HBA or storage object ("fileio", "iblock", ...). */
    String plugin() {
        return hbaMatcher().group(1);
    }

    int hbaIndex() {
        return Integer.parseInt(hbaMatcher().group(2));
    }

    private Matcher hbaMatcher() {
        Matcher m = HBA_NAME.matcher(parts.get(1));
        if (!m.matches()) {
            throw new IllegalStateException(path + " is not under an HBA");
        }
        return m;
    }

    /** The first {@code depth} names, e.g. 3 gives the TPG of a LUN. */
    List<String> prefix(int depth) {
        return parts.subList(0, Math.min(depth, parts.size()));
    }
}
