package org.molscreen.chem.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's SHA-256 is that of its bytes, the digest sha256sum prints. */
class FileDigestTest {

    @TempDir
    Path dir;

    @Test
    void digestsTheBytesAsStored() throws Exception {
        Path empty = Files.write(dir.resolve("empty.smi"), new byte[0]);
        assertThat(FileDigest.sha256(empty)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        Path abc = Files.write(dir.resolve("abc.smi"), "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(FileDigest.sha256(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // larger than one read buffer, so the digest covers every chunk
        byte[] big = new byte[200_000];
        big[199_999] = 1;
        Path large = Files.write(dir.resolve("large.bin"), big);
        Path largeOther = Files.write(dir.resolve("large-other.bin"), new byte[200_000]);
        assertThat(FileDigest.sha256(large)).hasSize(64).isNotEqualTo(FileDigest.sha256(largeOther));
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> FileDigest.sha256(dir.resolve("absent.smi"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent.smi");
    }
}
