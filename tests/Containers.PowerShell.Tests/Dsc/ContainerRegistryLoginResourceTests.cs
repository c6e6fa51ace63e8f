using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Dsc
{
    /// <summary>
    /// The ContainerRegistryLogin resource through the DSC adapter's steps, in a pwsh of its own whose DOCKER_CONFIG is a
    /// folder of this test's own: the logins of this test process, which the other tests use, are never touched.
    /// </summary>
    public sealed class ContainerRegistryLoginResourceTests
    {
        [Fact]
        public async Task Set_stores_the_login_Test_sees_the_user_and_Absent_removes_it()
        {
            TestEngineProcess engine = await TestEngineProcess.GetAsync();
            using var config = new TemporaryFolder();
            Pwsh.Outcome outcome = await Pwsh.RunAsync($@"
                $env:DOCKER_CONFIG = '{config.Path}'
                $ErrorActionPreference = 'Stop'
                $VerbosePreference = 'Continue'
                $module = Import-Module '{ModuleFolder.Manifest}' -PassThru
                $type = & $module {{ 'ContainerRegistryLogin' -as 'type' }}
                function Credential([string] $password) {{ [pscredential]::new('{engine.RegistryUser}', (ConvertTo-SecureString $password -AsPlainText -Force)) }}
                $login = $type::new()
                $login.Registry = '{engine.Registry}'
                $login.Credential = Credential '{engine.RegistryPassword}'
                ""before=$($login.Test())""
                $login.Set()
                ""after=$($login.Test()) user=$($login.Get().UserName)""
                $login.Ensure = 'Absent'
                ""absent=$($login.Test())""
                $login.Set(); $login.Set()
                ""removed=$($login.Test()) ensure=$($login.Get().Ensure)""
                $wrong = $type::new()
                $wrong.Registry = '{engine.Registry}'
                $wrong.Credential = Credential 'wrong-password'
                try {{ $wrong.Set() }} catch {{ ""error=$($_.FullyQualifiedErrorId) ensure=$($wrong.Get().Ensure)"" }}");

            Assert.True(outcome.ExitCode == 0, outcome.Output + outcome.Error);
            string[] lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains("before=False", lines);
            Assert.Contains($"after=True user={engine.RegistryUser}", lines);
            Assert.Contains("absent=False", lines);
            Assert.Contains("removed=True ensure=Absent", lines);
            Assert.Contains(lines, line => line.StartsWith("error=RegistryCredentialsRejected,", StringComparison.Ordinal) && line.EndsWith("ensure=Absent", StringComparison.Ordinal));
        }
    }
}
