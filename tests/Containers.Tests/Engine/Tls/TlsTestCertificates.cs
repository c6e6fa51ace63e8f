using System.Diagnostics;
using Containers.Tests.Fixtures;

namespace Containers.Tests.Engine.Tls
{
    /// <summary>
    /// Certificates made with the openssl CLI, laid out as DOCKER_CERT_PATH folders (ca.pem, cert.pem, key.pem): one
    /// authority signs the engine's certificate (IP:127.0.0.1, DNS:localhost) and the client certificates; a second,
    /// unrelated authority is the "wrong CA". Client keys come in each form the loader must read.
    /// </summary>
    public sealed class TlsTestCertificates : IDisposable
    {
        private readonly string _root;

        /// <summary>Makes every folder under a new temp folder; xunit calls this when the class is a fixture.</summary>
        public TlsTestCertificates()
        {
            _root = Path.Combine(Path.GetTempPath(), "containers-tls-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(_root);
            try
            {
                Generate();
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public string Root => _root;

        public string AuthorityCertificate => Path.Combine(_root, "ca", "ca.pem");

        public string ServerCertificate => Path.Combine(_root, "server", "cert.pem");

        public string ServerKey => Path.Combine(_root, "server", "key.pem");

        /// <summary>RSA client certificate, key in PKCS#8 ("PRIVATE KEY"), as openssl 3 writes by default.</summary>
        public string RsaPkcs8 => Folder("rsa-pkcs8");

        /// <summary>The same RSA client certificate, key in PKCS#1 ("RSA PRIVATE KEY").</summary>
        public string RsaPkcs1 => Folder("rsa-pkcs1");

        /// <summary>P-256 client certificate, key in SEC1 ("EC PRIVATE KEY"), after an "EC PARAMETERS" block as ecparam writes it.</summary>
        public string EcSec1 => Folder("ec-sec1");

        /// <summary>The same P-256 client certificate, key in PKCS#8.</summary>
        public string EcPkcs8 => Folder("ec-pkcs8");

        /// <summary>Only ca.pem: no client certificate.</summary>
        public string NoClientCertificate => Folder("no-client");

        /// <summary>The right client certificate and key, but a ca.pem from an authority that did not sign the engine.</summary>
        public string WrongAuthority => Folder("wrong-ca");

        /// <summary>A client certificate signed by the wrong authority, which the engine must refuse.</summary>
        public string ClientFromWrongAuthority => Folder("client-wrong-ca");

        /// <summary>ca.pem and cert.pem but no key.pem.</summary>
        public string MissingKey => Folder("missing-key");

        /// <summary>key.pem protected with a password, PKCS#8 form ("ENCRYPTED PRIVATE KEY").</summary>
        public string EncryptedPkcs8 => Folder("encrypted-pkcs8");

        /// <summary>key.pem protected with a password, OpenSSL's legacy form (Proc-Type header).</summary>
        public string EncryptedLegacy => Folder("encrypted-legacy");

        /// <summary>cert.pem with the key of another certificate.</summary>
        public string MismatchedKey => Folder("mismatched-key");

        /// <summary>P-384 and P-521 client certificates, SEC1 keys.</summary>
        public string EcP384 => Folder("ec-p384");

        public string EcP521 => Folder("ec-p521");

        public string Folder(string name) => Path.Combine(_root, name);

        private void Generate()
        {
            string ca = MakeAuthority("ca", "containers-test-ca");
            string otherCa = MakeAuthority("other-ca", "containers-other-ca");

            string server = Directory.CreateDirectory(Path.Combine(_root, "server")).FullName;
            OpenSsl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", Path.Combine(server, "key.pem"));
            Sign(ca, server, "localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");

            string rsa = Directory.CreateDirectory(RsaPkcs8).FullName;
            OpenSsl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", Path.Combine(rsa, "key.pem"));
            Sign(ca, rsa, "containers-test-client", "extendedKeyUsage=clientAuth\n");
            CopyAuthority(ca, rsa);

            string rsaPkcs1 = Directory.CreateDirectory(RsaPkcs1).FullName;
            File.Copy(Path.Combine(rsa, "cert.pem"), Path.Combine(rsaPkcs1, "cert.pem"));
            OpenSsl("rsa", "-in", Path.Combine(rsa, "key.pem"), "-traditional", "-out", Path.Combine(rsaPkcs1, "key.pem"));
            CopyAuthority(ca, rsaPkcs1);

            string ec = Directory.CreateDirectory(EcSec1).FullName;
            OpenSsl("ecparam", "-name", "prime256v1", "-genkey", "-out", Path.Combine(ec, "key.pem"));
            Sign(ca, ec, "containers-test-ec-client", "extendedKeyUsage=clientAuth\n");
            CopyAuthority(ca, ec);

            string ecPkcs8 = Directory.CreateDirectory(EcPkcs8).FullName;
            File.Copy(Path.Combine(ec, "cert.pem"), Path.Combine(ecPkcs8, "cert.pem"));
            OpenSsl("pkcs8", "-topk8", "-nocrypt", "-in", Path.Combine(ec, "key.pem"), "-out", Path.Combine(ecPkcs8, "key.pem"));
            CopyAuthority(ca, ecPkcs8);

            foreach ((string folder, string curve) in new[] { (EcP384, "secp384r1"), (EcP521, "secp521r1") })
            {
                Directory.CreateDirectory(folder);
                OpenSsl("ecparam", "-name", curve, "-genkey", "-noout", "-out", Path.Combine(folder, "key.pem"));
                Sign(ca, folder, "containers-test-" + curve, "extendedKeyUsage=clientAuth\n");
                CopyAuthority(ca, folder);
            }

            CopyAuthority(ca, Directory.CreateDirectory(NoClientCertificate).FullName);

            string wrongCa = Directory.CreateDirectory(WrongAuthority).FullName;
            File.Copy(Path.Combine(rsa, "cert.pem"), Path.Combine(wrongCa, "cert.pem"));
            File.Copy(Path.Combine(rsa, "key.pem"), Path.Combine(wrongCa, "key.pem"));
            CopyAuthority(otherCa, wrongCa);

            string clientWrongCa = Directory.CreateDirectory(ClientFromWrongAuthority).FullName;
            OpenSsl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", Path.Combine(clientWrongCa, "key.pem"));
            Sign(otherCa, clientWrongCa, "containers-stranger", "extendedKeyUsage=clientAuth\n");
            CopyAuthority(ca, clientWrongCa);

            string missingKey = Directory.CreateDirectory(MissingKey).FullName;
            File.Copy(Path.Combine(rsa, "cert.pem"), Path.Combine(missingKey, "cert.pem"));
            CopyAuthority(ca, missingKey);

            string encrypted = Directory.CreateDirectory(EncryptedPkcs8).FullName;
            File.Copy(Path.Combine(rsa, "cert.pem"), Path.Combine(encrypted, "cert.pem"));
            OpenSsl("pkey", "-in", Path.Combine(rsa, "key.pem"), "-aes256", "-passout", "pass:secret", "-out", Path.Combine(encrypted, "key.pem"));
            CopyAuthority(ca, encrypted);

            string legacy = Directory.CreateDirectory(EncryptedLegacy).FullName;
            File.Copy(Path.Combine(rsa, "cert.pem"), Path.Combine(legacy, "cert.pem"));
            OpenSsl("rsa", "-in", Path.Combine(rsa, "key.pem"), "-traditional", "-aes256", "-passout", "pass:secret", "-out", Path.Combine(legacy, "key.pem"));
            CopyAuthority(ca, legacy);

            string mismatched = Directory.CreateDirectory(MismatchedKey).FullName;
            File.Copy(Path.Combine(rsa, "cert.pem"), Path.Combine(mismatched, "cert.pem"));
            File.Copy(Path.Combine(clientWrongCa, "key.pem"), Path.Combine(mismatched, "key.pem"));
            CopyAuthority(ca, mismatched);
        }

        /// <summary>A self-signed authority in its own folder: ca.pem and ca-key.pem.</summary>
        private string MakeAuthority(string folderName, string commonName)
        {
            string folder = Directory.CreateDirectory(Path.Combine(_root, folderName)).FullName;
            OpenSsl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3", "-subj", "/CN=" + commonName,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", Path.Combine(folder, "ca-key.pem"), "-out", Path.Combine(folder, "ca.pem"));
            return folder;
        }

        /// <summary>Issues folder/cert.pem for folder/key.pem, signed by the authority in <paramref name="authority"/>.</summary>
        private void Sign(string authority, string folder, string commonName, string extensions)
        {
            string request = Path.Combine(folder, "request.csr");
            string extensionFile = Path.Combine(folder, "extensions.cnf");
            File.WriteAllText(extensionFile, extensions);
            OpenSsl("req", "-new", "-key", Path.Combine(folder, "key.pem"), "-subj", "/CN=" + commonName, "-out", request);
            OpenSsl("x509", "-req", "-in", request, "-CA", Path.Combine(authority, "ca.pem"), "-CAkey", Path.Combine(authority, "ca-key.pem"),
                "-set_serial", "0x" + Guid.NewGuid().ToString("N").Substring(0, 16), "-days", "3", "-extfile", extensionFile,
                "-out", Path.Combine(folder, "cert.pem"));
            File.Delete(request);
            File.Delete(extensionFile);
        }

        private static void CopyAuthority(string authority, string folder) =>
            File.Copy(Path.Combine(authority, "ca.pem"), Path.Combine(folder, "ca.pem"));

        public static string OpenSsl(params string[] arguments) => Programs.Run(Prerequisites.Require("openssl"), arguments);

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp folder's own cleaning.
            }
        }
    }
}
