namespace Containers.Tests.Engine.Tls
{
    /// <summary>
    /// Password-protected forms of <see cref="TlsTestCertificates"/>' client certificates, made with the openssl CLI from
    /// the same files: PKCS#8 keys under each PBES2 and PBES1 choice openssl offers, OpenSSL's legacy PEM encryption with
    /// each cipher, and PKCS#12 (.pfx) files. Every key folder is a DOCKER_CERT_PATH folder (ca.pem, cert.pem, key.pem).
    /// Made once per <see cref="TlsTestCertificates"/> root, under its folder "password".
    /// </summary>
    public sealed class TlsPasswordFiles
    {
        /// <summary>The password of every file here (the existing encrypted-pkcs8 and encrypted-legacy folders use it too).</summary>
        public const string Password = "secret";

        /// <summary>A password beyond ASCII: OpenSSL hashes its UTF-8 bytes.</summary>
        public const string UnicodePassword = "sécret-€-密码";

        private static readonly object Lock = new object();

        private readonly string _root;

        private TlsPasswordFiles(TlsTestCertificates certificates)
        {
            Certificates = certificates;
            _root = Path.Combine(certificates.Root, "password");
        }

        public TlsTestCertificates Certificates { get; }

        /// <summary>Key folders: name, and the password that opens its key.pem.</summary>
        public static readonly (string Folder, string Password)[] KeyFolders =
        {
            ("encrypted-pkcs8", Password),           // openssl pkey -aes256: PBES2, PBKDF2 HMAC-SHA256, AES-256-CBC
            ("encrypted-legacy", Password),          // openssl rsa -traditional -aes256: DEK-Info AES-256-CBC
            ("password/pkcs8-aes128-sha512", Password),
            ("password/pkcs8-des3-sha1", Password),
            ("password/pkcs8-pbe-sha1-3des", Password),
            ("password/legacy-des3", Password),
            ("password/legacy-aes128", Password),
            ("password/ec-pkcs8-aes256", Password),
            ("password/ec-legacy-aes192", Password),
            ("password/unicode", UnicodePassword),
        };

        /// <summary>The RSA client certificate with its key, under <see cref="Password"/> (openssl 3's default: AES-256, PBKDF2, HMAC-SHA256).</summary>
        public string Pfx => Path.Combine(_root, "client.pfx");

        /// <summary>The same under the classic SHA-1 and 3DES, as Windows before 2019 exports it.</summary>
        public string LegacyPfx => Path.Combine(_root, "client-sha1-3des.pfx");

        /// <summary>The same, not encrypted at all.</summary>
        public string UnprotectedPfx => Path.Combine(_root, "client-unprotected.pfx");

        /// <summary>Only the certificate, without its key.</summary>
        public string CertificateOnlyPfx => Path.Combine(_root, "certificate-only.pfx");

        /// <summary>The RSA client certificate alone (cert.pem), loadable as an object without a key.</summary>
        public string ClientCertificatePem => Path.Combine(Certificates.RsaPkcs8, "cert.pem");

        /// <summary>Makes the files the first time they are asked for under this root.</summary>
        public static TlsPasswordFiles For(TlsTestCertificates certificates)
        {
            var files = new TlsPasswordFiles(certificates);
            lock (Lock)
            {
                if (!File.Exists(files.Pfx))
                {
                    files.Generate();
                }
            }

            return files;
        }

        private void Generate()
        {
            string rsa = Certificates.RsaPkcs8;
            string ec = Certificates.EcPkcs8;
            string pass = "pass:" + Password;
            Folder("pkcs8-aes128-sha512", rsa, "pkcs8", "-topk8", "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA512", "-passout", pass);
            Folder("pkcs8-des3-sha1", rsa, "pkcs8", "-topk8", "-v2", "des3", "-v2prf", "hmacWithSHA1", "-passout", pass);
            Folder("pkcs8-pbe-sha1-3des", rsa, "pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES", "-passout", pass);
            Folder("legacy-des3", rsa, "rsa", "-traditional", "-des3", "-passout", pass);
            Folder("legacy-aes128", rsa, "rsa", "-traditional", "-aes128", "-passout", pass);
            Folder("ec-pkcs8-aes256", ec, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", pass);
            Folder("ec-legacy-aes192", ec, "ec", "-aes192", "-passout", pass);
            Folder("unicode", rsa, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", "pass:" + UnicodePassword);

            string cert = Path.Combine(rsa, "cert.pem");
            string key = Path.Combine(rsa, "key.pem");
            TlsTestCertificates.OpenSsl("pkcs12", "-export", "-in", cert, "-inkey", key, "-passout", pass, "-out", Pfx + ".tmp");
            TlsTestCertificates.OpenSsl("pkcs12", "-export", "-in", cert, "-inkey", key, "-certpbe", "PBE-SHA1-3DES", "-keypbe", "PBE-SHA1-3DES", "-macalg", "sha1", "-passout", pass, "-out", LegacyPfx);
            TlsTestCertificates.OpenSsl("pkcs12", "-export", "-in", cert, "-inkey", key, "-certpbe", "NONE", "-keypbe", "NONE", "-nomac", "-passout", "pass:", "-out", UnprotectedPfx);
            TlsTestCertificates.OpenSsl("pkcs12", "-export", "-in", cert, "-nokeys", "-passout", pass, "-out", CertificateOnlyPfx);
            File.Move(Pfx + ".tmp", Pfx); // last: its presence says everything is made
        }

        /// <summary>A DOCKER_CERT_PATH folder: the source folder's ca.pem and cert.pem, and its key.pem rewritten by openssl.</summary>
        private void Folder(string name, string source, params string[] openssl)
        {
            string folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
            File.Copy(Path.Combine(source, "ca.pem"), Path.Combine(folder, "ca.pem"));
            File.Copy(Path.Combine(source, "cert.pem"), Path.Combine(folder, "cert.pem"));
            string[] arguments = new string[openssl.Length + 4];
            openssl.CopyTo(arguments, 0);
            arguments[openssl.Length] = "-in";
            arguments[openssl.Length + 1] = Path.Combine(source, "key.pem");
            arguments[openssl.Length + 2] = "-out";
            arguments[openssl.Length + 3] = Path.Combine(folder, "key.pem");
            TlsTestCertificates.OpenSsl(arguments);
        }
    }
}
