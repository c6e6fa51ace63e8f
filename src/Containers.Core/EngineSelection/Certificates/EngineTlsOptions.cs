using System.Security;
using System.Security.Cryptography.X509Certificates;
using Containers.Engine.Errors;
using Containers.Engine.Tls;
using Containers.Errors;

namespace Containers.EngineSelection.Certificates
{
    /// <summary>
    /// TLS as New-ContainerEngine and Connect-ContainerEngine take it, and the one place those parameters become
    /// <see cref="TlsSettings"/>: the client certificate from one source (a PEM folder, an object, a PFX file or the Windows
    /// store), the authorities the engine's certificate must chain to, and whether it is checked at all. Everything is read
    /// and checked here, before any connection, and a bad value is an <see cref="InvalidParameterException"/> naming the
    /// parameter and the file.
    /// </summary>
    public sealed class EngineTlsOptions
    {
        /// <summary>A folder with ca.pem, cert.pem and key.pem (a file-system path, already resolved).</summary>
        public string? CertificatePath { get; set; }

        /// <summary>The client certificate as an object, with its private key (Get-AutomationCertificate, Get-PfxCertificate, Cert:\).</summary>
        public X509Certificate2? Certificate { get; set; }

        /// <summary>The authorities the engine's certificate may chain to, with <see cref="Certificate"/>, <see cref="CertificateFile"/> or <see cref="CertificateThumbprint"/>.</summary>
        public IReadOnlyList<X509Certificate2>? CaCertificate { get; set; }

        /// <summary>A PKCS#12 (.pfx, .p12) file with the client certificate and its key (a file-system path, already resolved).</summary>
        public string? CertificateFile { get; set; }

        /// <summary>The client certificate's thumbprint in the Windows store (CurrentUser\My, then LocalMachine\My).</summary>
        public string? CertificateThumbprint { get; set; }

        /// <summary>Opens an encrypted key.pem (<see cref="CertificatePath"/>) or a PFX file (<see cref="CertificateFile"/>).</summary>
        public SecureString? KeyPassword { get; set; }

        /// <summary>Accept any server certificate, as the docker CLI's --tls without --tlsverify does.</summary>
        public bool SkipCertificateCheck { get; set; }

        /// <summary>Where <see cref="CertificateThumbprint"/> is looked up; a fake in tests.</summary>
        public ICertificateStore CertificateStore { get; set; } = WindowsCertificateStore.Instance;

        /// <summary>The first TLS parameter given, as the user spells it; null when none was.</summary>
        public string? FirstGiven => Parameters().FirstOrDefault(parameter => parameter.Value != null).Name;

        /// <summary>Null when no TLS parameter was given: the environment decides then (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH).</summary>
        /// <exception cref="InvalidParameterException">A combination that does not fit, or material that cannot be used.</exception>
        /// <exception cref="CertificateNotFoundException">No certificate with <see cref="CertificateThumbprint"/>.</exception>
        public TlsSettings? ToSettings()
        {
            if (FirstGiven == null)
            {
                return null;
            }

            CheckCombination();
            if (CertificatePath != null)
            {
                return FromFolder(CertificatePath);
            }

            var authorities = new X509Certificate2Collection();
            foreach (X509Certificate2 authority in CaCertificate ?? Array.Empty<X509Certificate2>())
            {
                authorities.Add(Loaded(authority, nameof(CaCertificate)));
            }

            if (!SkipCertificateCheck && authorities.Count == 0)
            {
                throw new InvalidParameterException("CaCertificate", null,
                    "The engine's certificate is checked against the authorities you name, and none was named: give the authority (CA) certificate that signed it with -CaCertificate (for example Get-PfxCertificate ./ca.pem), or turn the check off with -SkipCertificateCheck.");
            }

            // Last, once nothing else can fail: on Windows a loaded key lives in a key container until the certificate goes.
            X509Certificate2? client = Certificate != null ? Checked(Certificate)
                : CertificateFile != null ? FromPkcs12File(CertificateFile)
                : CertificateThumbprint != null ? CertificateStoreLookup.Find(CertificateStore, CertificateThumbprint)
                : null;
            return new TlsSettings(authorities, client, verifyServer: !SkipCertificateCheck);
        }

        /// <summary>Every TLS parameter with its value (null when not given), as the help lists them; the first four each name the client certificate.</summary>
        private IEnumerable<(string Name, object? Value, bool ClientCertificate)> Parameters()
        {
            yield return (nameof(CertificatePath), CertificatePath, true);
            yield return (nameof(Certificate), Certificate, true);
            yield return (nameof(CertificateFile), CertificateFile, true);
            yield return (nameof(CertificateThumbprint), CertificateThumbprint, true);
            yield return (nameof(CaCertificate), CaCertificate, false);
            yield return (nameof(KeyPassword), KeyPassword, false);
            yield return (nameof(SkipCertificateCheck), SkipCertificateCheck ? (object)true : null, false);
        }

        private void CheckCombination()
        {
            var sources = Parameters().Where(parameter => parameter.ClientCertificate && parameter.Value != null).ToList();
            if (sources.Count > 1)
            {
                throw new InvalidParameterException(sources[1].Name, sources[1].Value, $"-{sources[0].Name} and -{sources[1].Name} both give the client certificate: give one of them.");
            }

            if (KeyPassword != null && CertificatePath == null && CertificateFile == null)
            {
                throw new InvalidParameterException(nameof(KeyPassword), null, "-KeyPassword opens an encrypted key.pem in the -CertificatePath folder, or a -CertificateFile (PFX): give one of those with it.");
            }

            if (CaCertificate != null && CertificatePath != null)
            {
                throw new InvalidParameterException(nameof(CaCertificate), CaCertificate, "-CertificatePath's folder names the authority in its ca.pem: give -CaCertificate with -Certificate, -CertificateFile or -CertificateThumbprint instead.");
            }

            if (SkipCertificateCheck && sources.Count == 0)
            {
                throw new InvalidParameterException(nameof(SkipCertificateCheck), true, "-SkipCertificateCheck goes with a client certificate: give -CertificatePath, -Certificate, -CertificateFile or -CertificateThumbprint too.");
            }
        }

        private TlsSettings FromFolder(string folder)
        {
            try
            {
                return TlsSettings.LoadFromDirectory(folder, verifyServer: !SkipCertificateCheck, KeyPassword);
            }
            catch (EngineConnectionException e)
            {
                // The folder (or its password) is the caller's argument: blame the parameter, not the connection.
                throw Blame(e, nameof(CertificatePath), folder);
            }
        }

        private X509Certificate2 FromPkcs12File(string path)
        {
            try
            {
                return Pkcs12File.LoadClientCertificate(path, KeyPassword);
            }
            catch (EngineConnectionException e)
            {
                throw Blame(e, nameof(CertificateFile), path);
            }
        }

        /// <summary>A wrong password is -KeyPassword's fault; a missing one, or anything else, the file's.</summary>
        private static InvalidParameterException Blame(EngineConnectionException e, string parameter, string path) =>
            e.InnerException is PrivateKeyPasswordException password && password.PasswordGiven
                ? new InvalidParameterException(nameof(KeyPassword), path, e.Message)
                : new InvalidParameterException(parameter, path, e.Message);

        private static X509Certificate2 Checked(X509Certificate2 certificate)
        {
            if (!Loaded(certificate, nameof(Certificate)).HasPrivateKey)
            {
                throw new InvalidParameterException(nameof(Certificate), certificate,
                    $"The certificate '{certificate.Subject}' ({certificate.Thumbprint}) has no private key, which a client certificate needs. Get it with its key: Get-AutomationCertificate, Get-Item Cert:\\CurrentUser\\My\\THUMBPRINT, or [System.Security.Cryptography.X509Certificates.X509Certificate2]::new('client.pfx', $password).");
            }

            return certificate;
        }

        /// <summary>
        /// An X509Certificate2 made with no data (New-Object X509Certificate2, a variable never filled) holds no
        /// certificate: every property would throw "m_safeCertContext is an invalid handle".
        /// </summary>
        private static X509Certificate2 Loaded(X509Certificate2 certificate, string parameter) =>
            certificate.Handle != IntPtr.Zero
                ? certificate
                : throw new InvalidParameterException(parameter, null, $"-{parameter} was given an X509Certificate2 that holds no certificate (made empty, with no file or data). Give a loaded certificate, for example Get-PfxCertificate ./ca.pem or Get-Item Cert:\\CurrentUser\\My\\THUMBPRINT.");
    }
}
