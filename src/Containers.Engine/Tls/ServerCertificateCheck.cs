using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// Decides whether the engine's certificate is acceptable, the way Go's crypto/tls does for dockerd's clients: it
    /// must chain to one of the given authorities (the machine's trust store plays no part), be valid now, and name the
    /// host we connected to. The reason for a refusal is kept, because SslStream itself only says "invalid".
    /// </summary>
    internal sealed class ServerCertificateCheck
    {
        private readonly TlsSettings _settings;
        private readonly string _targetHost;

        public ServerCertificateCheck(TlsSettings settings, string targetHost)
        {
            _settings = settings;
            _targetHost = targetHost;
        }

        /// <summary>Why the last certificate was refused; null when none was.</summary>
        public string? Refusal { get; private set; }

        public bool Validate(object sender, X509Certificate? certificate, X509Chain? systemChain, SslPolicyErrors errors)
        {
            Refusal = Check(certificate, errors);
            return Refusal == null;
        }

        private string? Check(X509Certificate? certificate, SslPolicyErrors errors)
        {
            if (!_settings.VerifyServer)
            {
                return null;
            }

            if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return "the engine presented no certificate.";
            }

            using var serverCertificate = new X509Certificate2(certificate);
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return $"the engine's certificate ('{serverCertificate.Subject}') is not issued for '{_targetHost}' (name mismatch); connect with a host name or address that its Subject Alternative Names list.";
            }

            // The system's own chain result (RemoteCertificateChainErrors) is ignored: it is built against the machine's
            // store. This chain gets the configured authorities as its only extra candidates.
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            chain.ChainPolicy.ExtraStore.AddRange(_settings.Authorities);
            chain.Build(serverCertificate);

            // Like Go, any configured certificate is a trust anchor, an intermediate as well as a root: find the first one
            // on the path. Elements above it do not matter.
            List<X509ChainElement> elements = chain.ChainElements.Cast<X509ChainElement>().ToList();
            int anchor = elements.FindIndex(element => IsAuthority(element.Certificate));
            if (anchor < 0)
            {
                string issuer = elements.Count > 0 ? elements[elements.Count - 1].Certificate.Issuer : serverCertificate.Issuer;
                return $"the engine's certificate ('{serverCertificate.Subject}', issued by '{issuer}') is not signed by the authority in ca.pem or -CaCertificate: certificate signed by unknown authority (untrusted CA).";
            }

            for (int i = 0; i <= anchor; i++)
            {
                X509ChainStatusFlags problems = elements[i].ChainElementStatus
                    .Select(status => status.Status)
                    .Aggregate(X509ChainStatusFlags.NoError, (all, one) => all | one)
                    & ~(X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain);
                if (problems != X509ChainStatusFlags.NoError)
                {
                    string detail = string.Join("; ", elements[i].ChainElementStatus
                        .Where(status => (status.Status & problems) != 0)
                        .Select(status => status.StatusInformation.Trim()));
                    return $"the certificate '{elements[i].Certificate.Subject}' in the engine's chain is not acceptable: {problems} ({detail}).";
                }
            }

            return null;
        }

        private bool IsAuthority(X509Certificate2 certificate) =>
            _settings.Authorities.Cast<X509Certificate2>().Any(authority => authority.RawData.AsSpan().SequenceEqual(certificate.RawData));
    }
}
