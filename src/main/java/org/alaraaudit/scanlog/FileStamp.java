package org.alaraaudit.scanlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A file's size and modification time when it was opened. An export still being written, or replaced while the
 * run reads it, would be audited in part and its report would name bytes nobody audited: the stamp taken again
 * at the end tells.
 */
record FileStamp(long size, FileTime modified) {
    static FileStamp of(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return new FileStamp(a.size(), a.lastModifiedTime());
        } catch (IOException e) {
            throw new ScanLogException(f.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Stops the run when the file is no longer the one that was opened. */
    void checkUnchanged(Path f) {
        FileStamp now;
        try {
            now = of(f);
        } catch (ScanLogException e) {
            throw new ScanLogException(f.getFileName() + ": the file was removed or replaced while it was read;"
                    + " audit a copy that nothing writes to", e);
        }
        if (now.size != size || !now.modified.equals(modified)) {
            String what = now.size != size ? "its size went from " + size + " to " + now.size + " bytes" : "it was modified";
            throw new ScanLogException(f.getFileName() + ": the file changed while it was read (" + what
                    + "); audit a copy that nothing writes to");
        }
    }
}
