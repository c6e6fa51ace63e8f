using Containers.Tests.Fixtures;

namespace Containers.Tests.Engine.Tls
{
    /// <summary>
    /// A private dockerd that serves only TLS with client certificates (--tlsverify), its certificate from
    /// <see cref="TlsTestCertificates"/>: for the xunit TLS tests (<see cref="TlsEngineFixture"/>) and, through the
    /// test-engine tool's --tls option, for the tests that host PowerShell.
    /// </summary>
    public static class TlsDockerd
    {
        /// <param name="addresses">tcp:// addresses to listen on; the certificate names 127.0.0.1 and localhost.</param>
        public static Task<Dockerd> StartAsync(TlsTestCertificates certificates, params string[] addresses)
        {
            var arguments = new List<string>
            {
                "--tlsverify",
                "--tlscacert", certificates.AuthorityCertificate,
                "--tlscert", certificates.ServerCertificate,
                "--tlskey", certificates.ServerKey,
            };
            foreach (string address in addresses)
            {
                arguments.Add("-H");
                arguments.Add(address);
            }

            return Dockerd.StartAsync(arguments);
        }
    }
}
