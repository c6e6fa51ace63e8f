using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Engines
{
    /// <summary>
    /// TLS trust as a user names it in PowerShell, against a dockerd that serves only TLS with client certificates and
    /// folders from two unrelated authorities: Connect-ContainerEngine -CertificatePath with the good folder works, and
    /// after Disconnect-ContainerEngine the wrong CA is refused as the docker CLI refuses it, in the same process; the
    /// corrected folder works at once; DOCKER_CERT_PATH changed between two commands counts at the next one (in a pwsh of
    /// its own, since runspaces share the process's variables).
    /// </summary>
    public sealed class TrustCmdletTests
    {
        [Fact]
        public async Task Connect_with_the_good_folder_Disconnect_then_Connect_with_the_wrong_ca_is_refused()
        {
            TlsTestEngineProcess tls = await TlsTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult good = session.Run(@"
                $info = Connect-ContainerEngine -Uri $TlsAddress -CertificatePath $Good
                $info.ApiVersion
                $info.UsesTls
                Disconnect-ContainerEngine", Variables(tls)).AssertNoErrors();
            Assert.Equal(new object[] { "1.41", true }, good.Output.Select(item => item.BaseObject).ToArray());

            RunResult wrong = session.Run(@"
                Connect-ContainerEngine -Uri $TlsAddress -CertificatePath $WrongAuthority
                (Get-ContainerEngine).Uri", Variables(tls));
            AssertRefused(Assert.Single(wrong.Errors), "certificate signed by unknown authority");

            // The session was left as it was: the environment's engine, not the refused one.
            Assert.Equal(session.Engine.DockerHost, Assert.Single(wrong.Output).BaseObject);
        }

        [Fact]
        public async Task A_client_certificate_of_the_other_authority_is_refused_and_the_corrected_folder_works_at_once()
        {
            TlsTestEngineProcess tls = await TlsTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                Connect-ContainerEngine -Uri $TlsAddress -CertificatePath $WrongAuthority
                Connect-ContainerEngine -Uri $TlsAddress -CertificatePath $ClientFromWrongAuthority
                (Connect-ContainerEngine -Uri $TlsAddress -CertificatePath $Good).ApiVersion
                (Get-ContainerEngine).Uri
                @(Get-Container -All -ErrorAction Stop).Count -ge 0
                Disconnect-ContainerEngine", Variables(tls));

            Assert.Equal(2, result.Errors.Count);
            AssertRefused(result.Errors[0], "certificate signed by unknown authority");
            AssertRefused(result.Errors[1], "refused our client certificate");
            Assert.Null(result.Terminating);
            Assert.Equal(new object[] { "1.41", tls.Address, true }, result.Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task DOCKER_CERT_PATH_changed_between_two_commands_counts_at_the_next_one()
        {
            TlsTestEngineProcess tls = await TlsTestEngineProcess.GetAsync();

            // Each line is one command, with the variables as the line before left them; -Engine with the address too.
            Pwsh.Outcome outcome = await Pwsh.RunAsync($@"
                function Try-Engine([string] $Label, [object] $Engine) {{
                    try {{ $null = Get-Container -All -ErrorAction Stop @Engine; ""$Label ok"" }}
                    catch {{ ""$Label refused $($_.FullyQualifiedErrorId): $($_.Exception.Message)"" }}
                }}
                $env:DOCKER_HOST = '{tls.Address}'; $env:DOCKER_TLS_VERIFY = '1'
                $address = @{{ Engine = '{tls.Address}' }}
                $env:DOCKER_CERT_PATH = '{tls.Good}'; Try-Engine good @{{}}; Try-Engine good-address $address
                $env:DOCKER_CERT_PATH = '{tls.WrongAuthority}'; Try-Engine wrong @{{}}; Try-Engine wrong-address $address
                $env:DOCKER_CERT_PATH = '{tls.Good}'; Try-Engine corrected @{{}}; Try-Engine corrected-address $address
                $env:DOCKER_CERT_PATH = '{tls.ClientFromWrongAuthority}'; Try-Engine stranger @{{}}
                $env:DOCKER_CERT_PATH = '{tls.OtherGood}'; Try-Engine other-good @{{}}");

            Assert.True(outcome.ExitCode == 0, outcome.Error);
            string[] lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(8, lines.Length);
            Assert.Equal(new[] { "good ok", "good-address ok" }, lines.Take(2).ToArray());
            Assert.StartsWith("wrong refused EngineUnreachable", lines[2], StringComparison.Ordinal);
            Assert.Contains("certificate signed by unknown authority", lines[2], StringComparison.Ordinal);
            Assert.StartsWith("wrong-address refused EngineUnreachable", lines[3], StringComparison.Ordinal);
            Assert.Contains("certificate signed by unknown authority", lines[3], StringComparison.Ordinal);
            Assert.Equal(new[] { "corrected ok", "corrected-address ok" }, lines.Skip(4).Take(2).ToArray());
            Assert.StartsWith("stranger refused EngineUnreachable", lines[6], StringComparison.Ordinal);
            Assert.Contains("refused our client certificate", lines[6], StringComparison.Ordinal);
            Assert.Equal("other-good ok", lines[7]);
        }

        private static void AssertRefused(ErrorRecord error, string reason)
        {
            Assert.StartsWith("EngineUnreachable", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains(reason, error.Exception.Message, StringComparison.Ordinal);
        }

        private static Dictionary<string, object?> Variables(TlsTestEngineProcess tls) => new Dictionary<string, object?>
        {
            ["TlsAddress"] = tls.Address,
            ["Good"] = tls.Good,
            ["WrongAuthority"] = tls.WrongAuthority,
            ["ClientFromWrongAuthority"] = tls.ClientFromWrongAuthority,
        };
    }
}
