using Containers.Tests.Engine.Tls;

namespace Containers.TestEngine
{
    /// <summary>
    /// The <c>--tls</c> option: a dockerd with --tlsverify (<see cref="TlsEngineFixture"/>, as the xunit suite starts it)
    /// and its certificate folders, including the password-protected keys and PFX files (<see cref="TlsPasswordFiles"/>),
    /// for the tests that host the module and give it certificates. Prints where they are, then READY, and keeps them
    /// until standard input closes.
    /// </summary>
    internal static class TlsEngineMode
    {
        public static async Task<int> RunAsync()
        {
            var engine = new TlsEngineFixture();
            try
            {
                await engine.InitializeAsync().ConfigureAwait(false);
                TlsPasswordFiles.For(engine.Certificates);
                Console.Out.WriteLine("CONTAINERS_TEST_TLS_ADDRESS=" + engine.Address);
                Console.Out.WriteLine("CONTAINERS_TEST_TLS_UNLISTED_ADDRESS=" + engine.UnlistedAddress);
                Console.Out.WriteLine("CONTAINERS_TEST_TLS_CERTIFICATES=" + engine.Certificates.Root);
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
                await engine.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
