using Containers.PowerShell.Tests.Fixtures;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Automation
{
    /// <summary>
    /// The runbook of docs/about_Containers_Automation.md (docs/examples/Runbook-RemoteEngine.ps1), run as Azure
    /// Automation runs one: pwsh -NonInteractive -File with its input closed, in an empty home with no DOCKER_* variable
    /// and no docker configuration, the module found on PSModulePath, and certificates only as X509Certificate2 objects
    /// from Get-AutomationCertificate (here a stand-in that loads the TLS test engine's client PFX and an authority's
    /// ca.pem as the real one returns assets). It reaches the TLS engine, and its exit code says when it could not.
    /// </summary>
    public sealed class RunbookSandboxTests
    {
        private static readonly string Runbook = RepositoryFiles.Path("docs/examples/Runbook-RemoteEngine.ps1");

        /// <summary>What Automation provides around a runbook: the certificate assets as objects, nothing on disk for the module to read.</summary>
        private const string Sandbox = @"
param([string] $Runbook, [string] $EngineUri, [string] $ClientPfx, [string] $Password, [string] $CaPem)
function Get-AutomationCertificate([string] $Name) {
    switch ($Name) {
        'docker-client' { [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($ClientPfx, $Password) }
        'docker-ca' { [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($CaPem) }
        default { throw ""No certificate asset named '$Name'."" }
    }
}
& $Runbook -EngineUri $EngineUri
";

        [Fact]
        public async Task The_runbook_reaches_the_TLS_engine_with_certificate_objects_and_exits_0()
        {
            TlsTestEngineProcess tls = await TlsTestEngineProcess.GetAsync();
            Pwsh.Outcome run = await RunAsync(tls, tls.Address, Path.Combine(tls.Good, "ca.pem"));

            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Output}\n{run.Error}");
            Assert.Equal(string.Empty, run.Error);
            Assert.Contains($"(API 1.41) at {tls.Address}:", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_runbook_fails_with_exit_1_and_the_refusal_on_standard_error_when_the_CA_asset_is_the_wrong_authority()
        {
            TlsTestEngineProcess tls = await TlsTestEngineProcess.GetAsync();
            Pwsh.Outcome run = await RunAsync(tls, tls.Address, Path.Combine(tls.WrongAuthority, "ca.pem"));

            Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{run.Output}\n{run.Error}");
            Assert.Contains("certificate signed by unknown authority", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("(API ", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_runbook_fails_with_exit_1_and_the_address_on_standard_error_when_nothing_listens_there()
        {
            TlsTestEngineProcess tls = await TlsTestEngineProcess.GetAsync();
            string closed = $"tcp://127.0.0.1:{LoopbackPort.Free()}";
            Pwsh.Outcome run = await RunAsync(tls, closed, Path.Combine(tls.Good, "ca.pem"));

            Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{run.Output}\n{run.Error}");
            Assert.Contains(closed.Substring("tcp://".Length), run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("(API ", run.Output, StringComparison.Ordinal);
        }

        private static async Task<Pwsh.Outcome> RunAsync(TlsTestEngineProcess tls, string engineUri, string caPem)
        {
            using var home = new TemporaryFolder();
            using var scripts = new TemporaryFolder();
            scripts.Write("sandbox.ps1", Sandbox);
            string clientPfx = Path.Combine(tls.Certificates, "password", "client.pfx");
            return await Pwsh.RunFileAsync(
                Path.Combine(scripts.Path, "sandbox.ps1"),
                new[] { "-Runbook", Runbook, "-EngineUri", engineUri, "-ClientPfx", clientPfx, "-Password", tls.Password, "-CaPem", caPem },
                UnattendedEnvironment.WithHome(home.Path));
        }
    }
}
