package org.alaraaudit.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * A compiled rule set as bytes: the policy's rule packages and the thresholds workbook's, as Drools serializes
 * them (parsed rules, their generated and compiled Java classes), under a header that says which rule set and
 * which build of the tool they were compiled for. Reading them back skips DRL parsing and the Java compiler,
 * which were most of the start-up time.
 *
 * <p>Drools 10 no longer serializes a whole KieBase, but its packages still are {@code Externalizable}: they are
 * read into a new, empty KieBase, which then builds its rule network as it would for freshly compiled packages.
 *
 * <p>The bytes are never trusted: a SHA-256 of everything before it closes the file, and the rule-set digest and
 * build id in the header must be the ones asked for; anything else (truncated, damaged, another rule set's, an
 * older build's) reads as absent, and the caller compiles from source.
 */
final class RuleBaseArchive {
    private static final String MAGIC = "alara-audit compiled rule base";
    /** Bumped when the layout below changes. */
    private static final int FORMAT = 1;
    private static final int SHA_BYTES = 32;

    /**
     * The compiled bases of one rule set; {@code workbook} and {@code workbookSha} are null without a thresholds
     * workbook. The policy's packages, most of the bytes, are still being read on their own thread when this is
     * returned: the caller reads the tables meanwhile, which need only the workbook's base, and the two take
     * about as long, so a start on two cores waits for the longer of them instead of their sum.
     */
    record Bases(CompletableFuture<KieBase> pendingPolicy, KieBase workbook, String workbookSha) {
        /** The policy's base once it is read, or null when its bytes did not read after all (compile instead). */
        KieBase policy() {
            try {
                return pendingPolicy.join();
            } catch (CompletionException | CancellationException e) {
                return null;
            }
        }
    }

    private RuleBaseArchive() {}

    static byte[] write(String buildId, String ruleSetDigest, KieBase policy, KieBase workbook, String workbookSha) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 19);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(buildId);
            out.writeUTF(ruleSetDigest);
            out.writeUTF(workbookSha == null ? "" : workbookSha);
            writePackages(out, policy);
            if (workbook != null) writePackages(out, workbook);
            out.flush();
            out.write(sha256(bytes.toByteArray(), bytes.size()));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("the compiled rules cannot be serialized: " + e.getMessage(), e);
        }
    }

    /** The build id in an archive's header, or null when the bytes are not an intact archive. */
    static String buildId(byte[] archive) {
        if (!intact(archive)) return null;
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(archive));
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) return null;
            return in.readUTF();
        } catch (IOException e) {
            return null;
        }
    }

    /** The bases in {@code archive}, or null when it is damaged or was written for another rule set or build. */
    static Bases read(byte[] archive, String buildId, String ruleSetDigest) {
        return intact(archive) ? readIntact(archive, buildId, ruleSetDigest) : null;
    }

    /**
     * As {@link #read}, for an archive whose checksum {@link #buildId} has just checked: the built-in archive is
     * checked once, not once for its id and again for its bases (in a cold JVM each pass costs tens of ms).
     */
    static Bases readIntact(byte[] archive, String buildId, String ruleSetDigest) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(archive, 0, archive.length - SHA_BYTES));
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) return null;
            if (!in.readUTF().equals(buildId) || !in.readUTF().equals(ruleSetDigest)) return null;
            String workbookSha = in.readUTF();
            byte[] policyBytes = packageBytes(in);
            CompletableFuture<KieBase> policy = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    policy.complete(readPackages(policyBytes));
                } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
                    policy.completeExceptionally(e);
                }
            }, "alara-audit rule base reader");
            reader.setDaemon(true);
            reader.start();
            KieBase workbook = workbookSha.isEmpty() ? null : readPackages(packageBytes(in));
            return new Bases(policy, workbook, workbookSha.isEmpty() ? null : workbookSha);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            // Written by a build whose classes differ after all, or damaged in a way the checksum missed: compile again.
            return null;
        }
    }

    private static boolean intact(byte[] archive) {
        if (archive == null || archive.length <= SHA_BYTES) return false;
        byte[] stored = Arrays.copyOfRange(archive, archive.length - SHA_BYTES, archive.length);
        return MessageDigest.isEqual(stored, sha256(archive, archive.length - SHA_BYTES));
    }

    private static void writePackages(DataOutputStream out, KieBase base) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        try (DroolsObjectOutputStream objects = new DroolsObjectOutputStream(bytes)) {
            objects.writeObject(new ArrayList<>(base.getKiePackages()));
        }
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    private static byte[] packageBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static KieBase readPackages(byte[] bytes) throws IOException, ClassNotFoundException {
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        // The generated rule classes are defined in the new base's own class loader, as a compile would.
        try (DroolsObjectInputStream objects = new DroolsObjectInputStream(new ByteArrayInputStream(bytes), base.getRootClassLoader())) {
            objects.setObjectInputFilter(RuleBaseArchive::onlyRuleClasses);
            base.addPackages((Collection<KiePackage>) objects.readObject());
        }
        return base;
    }

    /**
     * Only the classes a compiled rule package is made of: Drools', MVEL's, the JDK's and the tool's own (fact
     * types, and the rules' generated classes, which live in the rules' packages). The checksum already keeps out
     * damage; this keeps a file planted in the cache folder from instantiating anything else while it is read.
     */
    private static ObjectInputFilter.Status onlyRuleClasses(ObjectInputFilter.FilterInfo info) {
        Class<?> c = info.serialClass();
        if (c == null) return ObjectInputFilter.Status.UNDECIDED;
        while (c.isArray()) c = c.getComponentType();
        if (c.isPrimitive()) return ObjectInputFilter.Status.ALLOWED;
        String name = c.getName();
        for (String allowed : ALLOWED_PREFIXES) if (name.startsWith(allowed)) return ObjectInputFilter.Status.ALLOWED;
        return ObjectInputFilter.Status.REJECTED;
    }

    private static final List<String> ALLOWED_PREFIXES = List.of("java.", "org.drools.", "org.kie.", "org.mvel2.", "org.alaraaudit.");

    static String sha256Hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(sha256(bytes, bytes.length));
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
