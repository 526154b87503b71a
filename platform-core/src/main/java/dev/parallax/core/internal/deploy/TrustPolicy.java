package dev.parallax.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Which jars the deploy folder may install. With the Security Manager gone, this check before installation is the
 * gate: code that passes it runs with the platform's full rights.
 *
 * <ul>
 *   <li>{@code none}: any bundle;
 *   <li>{@code signed}: only jars whose every entry is signed by a certificate in the keystore (or issued by one);
 *   <li>{@code digest}: only jars whose SHA-256 is on the allow-list;
 *   <li>{@code signed-or-digest}: either.
 * </ul>
 */
final class TrustPolicy {
    private static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/([^/]+\\.(SF|RSA|DSA|EC)|SIG-[^/]+)");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final String mode;
    private final Path keystorePath;
    private final Set<X509Certificate> trusted;
    private final Path allowlistPath;
    private final Set<String> allowed;

    private TrustPolicy(
            String mode, Path keystorePath, Set<X509Certificate> trusted, Path allowlistPath, Set<String> allowed) {
        this.mode = mode;
        this.keystorePath = keystorePath;
        this.trusted = trusted;
        this.allowlistPath = allowlistPath;
        this.allowed = allowed;
    }

    /**
     * Reads the policy from the deploy folder's configuration.
     *
     * @throws IllegalArgumentException naming the setting, the bad value and the rule
     */
    static TrustPolicy of(String trust, String keystore, String password, String allowlist) {
        String mode = trust == null ? "none" : trust.trim().toLowerCase(Locale.ROOT);
        boolean signed = mode.equals("signed") || mode.equals("signed-or-digest");
        boolean digest = mode.equals("digest") || mode.equals("signed-or-digest");
        if (!signed && !digest && !mode.equals("none")) {
            throw new IllegalArgumentException("Deploy folder setting trust='" + trust
                    + "' is unknown; use none, signed, digest or signed-or-digest");
        }
        Path keystorePath = null;
        Set<X509Certificate> trusted = Set.of();
        if (signed) {
            keystorePath = required("keystore", keystore, trust);
            trusted = certificates(keystorePath, password);
        }
        Path allowlistPath = null;
        Set<String> allowed = Set.of();
        if (digest) {
            allowlistPath = required("allowlist", allowlist, trust);
            allowed = digests(allowlistPath);
        }
        return new TrustPolicy(mode, keystorePath, trusted, allowlistPath, allowed);
    }

    /** The policy, for the log. */
    String describe() {
        return switch (mode) {
            case "signed" -> "only jars signed by a certificate in " + keystorePath;
            case "digest" -> "only jars whose SHA-256 is listed in " + allowlistPath;
            case "signed-or-digest" ->
                "only jars signed by a certificate in " + keystorePath + " or whose SHA-256 is listed in "
                        + allowlistPath;
            default -> "any bundle (trust=none)";
        };
    }

    /** Refuses {@code file} with the reason, or returns if the policy trusts it. */
    void check(Path file, String sha256) throws DeployRefusal {
        if (mode.equals("none") || allowed.contains(sha256)) {
            return;
        }
        String name = file.getFileName().toString();
        String digestReason = name + " has SHA-256 " + sha256 + ", which is not on the allow-list " + allowlistPath;
        if (mode.equals("digest")) {
            throw new DeployRefusal(digestReason + ".");
        }
        String signatureReason = signatureProblem(file, name);
        if (signatureReason == null) {
            return;
        }
        throw new DeployRefusal(
                mode.equals("signed") ? signatureReason : signatureReason + ", and " + digestReason + ".");
    }

    /** Why the jar's signature is not trusted, or {@code null} if every entry is signed by a trusted certificate. */
    private String signatureProblem(Path file, String name) {
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String path = entry.getName();
                if (entry.isDirectory()
                        || path.equals(JarFile.MANIFEST_NAME)
                        || SIGNATURE_FILE.matcher(path).matches()) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream()); // verifies the entry's digest
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null) {
                    return name + " is not signed (entry " + path + " has no signature); trust=" + mode
                            + " requires a signature by a certificate in " + keystorePath;
                }
                if (!signedByTrusted(signers)) {
                    return name + " is signed by " + subject(signers[0]) + ", which is not trusted by the keystore "
                            + keystorePath;
                }
            }
            return null;
        } catch (SecurityException e) {
            return name + " has been altered since it was signed: " + e.getMessage();
        } catch (IOException e) {
            return name + " could not be read to check its signature: " + e.getMessage();
        }
    }

    private boolean signedByTrusted(CodeSigner[] signers) {
        for (CodeSigner signer : signers) {
            for (Certificate certificate : signer.getSignerCertPath().getCertificates()) {
                if (certificate instanceof X509Certificate x509 && isTrusted(x509)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isTrusted(X509Certificate certificate) {
        if (trusted.contains(certificate)) {
            return true;
        }
        for (X509Certificate anchor : trusted) {
            if (anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(anchor.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    // not issued by this anchor after all: try the next
                }
            }
        }
        return false;
    }

    private static String subject(CodeSigner signer) {
        Certificate first = signer.getSignerCertPath().getCertificates().getFirst();
        return first instanceof X509Certificate x509
                ? x509.getSubjectX500Principal().getName()
                : "an unknown signer";
    }

    private static Path required(String setting, String value, String trust) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Deploy folder setting trust='" + trust + "' needs " + setting
                    + ", which is not set (conf/dev.parallax.deploy.cfg)");
        }
        Path path = Path.of(value.trim()).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(
                    "Deploy folder setting " + setting + "='" + value + "' names no file: " + path + " does not exist");
        }
        return path;
    }

    private static Set<X509Certificate> certificates(Path keystore, String password) {
        try {
            KeyStore store = KeyStore.getInstance(
                    keystore.toFile(), password == null || password.isEmpty() ? null : password.toCharArray());
            Set<X509Certificate> certificates = new HashSet<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate x509) {
                    certificates.add(x509);
                }
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(
                        "Deploy folder keystore " + keystore + " holds no certificate: no jar could ever be trusted");
            }
            return Set.copyOf(certificates);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Deploy folder keystore " + keystore + " cannot be read (wrong password or format?): "
                            + e.getMessage(),
                    e);
        }
    }

    private static Set<String> digests(Path allowlist) {
        try {
            Set<String> digests = new HashSet<>();
            int number = 0;
            for (String line : Files.readAllLines(allowlist)) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String digest = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                if (!DIGEST.matcher(digest).matches()) {
                    throw new IllegalArgumentException(
                            "Deploy folder allow-list " + allowlist + " line " + number + ": '" + digest
                                    + "' is not a SHA-256 in hexadecimal (64 characters 0-9a-f), as sha256sum writes");
                }
                digests.add(digest);
            }
            return Set.copyOf(digests);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Deploy folder allow-list " + allowlist + " cannot be read: " + e.getMessage(), e);
        }
    }
}
