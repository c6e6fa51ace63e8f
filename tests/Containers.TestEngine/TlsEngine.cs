using System;
using System.Threading.Tasks;
using Containers.Tests.Engine;
using Containers.Tests.Fixtures;

namespace Containers.TestEngine
{
    /// <summary>
    /// The tool's --tls option: a dockerd that serves only TLS with client certificates on 127.0.0.1:PORT, and the
    /// certificate folders of <see cref="TlsTestCertificates"/> (two unrelated authorities), for the trust tests that host
    /// PowerShell. Prints <c>CONTAINERS_TEST_TLS_HOST</c> and <c>CONTAINERS_TEST_TLS_CERTIFICATES</c> (the folders' parent),
    /// then <c>READY</c>, and keeps both until its standard input closes.
    /// </summary>
    internal static class TlsEngine
    {
        public static async Task<int> RunAsync()
        {
            TlsTestCertificates? certificates = null;
            Dockerd? dockerd = null;
            try
            {
                certificates = new TlsTestCertificates();
                string address = "tcp://127.0.0.1:" + LoopbackPort.Free();
                dockerd = await TlsDockerd.StartAsync(certificates, address).ConfigureAwait(false);
                Console.Out.WriteLine("CONTAINERS_TEST_TLS_HOST=" + address);
                Console.Out.WriteLine("CONTAINERS_TEST_TLS_CERTIFICATES=" + certificates.Root);
                Console.Out.WriteLine("READY");
                Console.Out.Flush();
                await Console.In.ReadToEndAsync().ConfigureAwait(false);
                return 0;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine("The TLS test engine could not start: " + e.Message);
                return 1;
            }
            finally
            {
                dockerd?.Dispose();
                certificates?.Dispose();
            }
        }
    }
}
