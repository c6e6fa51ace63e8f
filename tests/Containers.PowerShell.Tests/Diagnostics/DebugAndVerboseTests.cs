using System.Text.RegularExpressions;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Diagnostics
{
    /// <summary>
    /// What -Debug and -Verbose show, as PowerShell gives it: which engine and why, the API version, each request's
    /// method, path, status and time; what a read cmdlet does on which engine; and never a registry password or login.
    /// </summary>
    public sealed class DebugAndVerboseTests
    {
        private static readonly Regex RequestLine = new Regex(@"^(GET|HEAD|POST|PUT|DELETE) (/\S*): (\d{3}) \w+ in \d+\.\d ms \((\S+)\)\.$");

        [Fact]
        public async Task Get_Container_Debug_says_the_engine_chosen_by_DOCKER_HOST_the_api_version_and_each_request()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string address = session.Engine.DockerHost;
            RunResult result = session.Run("Get-Container -All -Debug").AssertNoErrors();

            Assert.Contains($"Engine at {address}, chosen by DOCKER_HOST.", result.Debug);
            Assert.Contains(result.Debug, line => line.StartsWith($"API version 1.41 with {address}: negotiated: the engine offers 1.41, this module speaks 1.30 to ", StringComparison.Ordinal));
            Assert.Contains(result.Debug, line => RequestLine.Match(line) is { Success: true } m
                && m.Groups[1].Value == "GET" && m.Groups[2].Value == "/v1.41/containers/json" && m.Groups[3].Value == "200" && m.Groups[4].Value == address);
            // -All is the query string (all=1), which is never shown.
            Assert.DoesNotContain(result.Debug, line => line.Contains('?', StringComparison.Ordinal));
            Assert.Empty(result.Verbose);
        }

        [Fact]
        public async Task Get_ContainerImage_with_DebugPreference_Continue_and_Engine_says_the_parameter_chose()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string address = session.Engine.DockerHost;
            RunResult result = session.Run("$DebugPreference = 'Continue'; Get-ContainerImage -Engine $address", Vars(("address", address))).AssertNoErrors();

            Assert.Contains($"Engine at {address}, chosen by -Engine (an address given).", result.Debug);
            Assert.Contains(result.Debug, line => RequestLine.Match(line) is { Success: true } m && m.Groups[2].Value == "/v1.41/images/json" && m.Groups[3].Value == "200");
        }

        [Fact]
        public async Task After_Connect_ContainerEngine_debug_says_the_sessions_engine_chose_and_a_404_is_shown_with_its_status()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string address = session.Engine.DockerHost;
            RunResult result = session.Run(@"
                Connect-ContainerEngine -Uri $address | Out-Null
                try { Get-ContainerDetail -Name ""$Prefix-missing"" -Debug -ErrorAction SilentlyContinue } finally { Disconnect-ContainerEngine }",
                Vars(("address", address)));

            Assert.Contains(result.Debug, line => line.StartsWith($"Engine at {address}, chosen by the session's engine from Connect-ContainerEngine (", StringComparison.Ordinal));
            Assert.Contains(result.Debug, line => RequestLine.Match(line) is { Success: true } m
                && m.Groups[2].Value == $"/v1.41/containers/{session.Prefix}-missing/json" && m.Groups[3].Value == "404");
        }

        [Fact]
        public async Task Without_Debug_or_Verbose_nothing_is_written_to_those_streams()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run("Get-Container -All; Get-ContainerVolume; Get-ContainerNetwork").AssertNoErrors();

            Assert.Empty(result.Debug);
            Assert.Empty(result.Verbose);
        }

        [Fact]
        public async Task Read_cmdlets_say_under_Verbose_what_they_do_on_which_engine_once_per_invocation()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string address = session.Engine.DockerHost;
            RunResult result = session.Run(@"
                Get-ContainerVolume -Verbose
                Get-ContainerNetwork -Verbose
                'a', 'b' | ForEach-Object { ""$Prefix-$_"" } | Get-Container -Verbose -ErrorAction SilentlyContinue").AssertNoErrors();

            Assert.Equal(
                new[]
                {
                    $"Get-ContainerVolume on the engine at {address}.",
                    $"Get-ContainerNetwork on the engine at {address}.",
                    $"Get-Container on the engine at {address}.",
                },
                result.Verbose);
            Assert.Empty(result.Debug);
        }

        [Fact]
        public async Task Registry_login_and_push_under_Debug_never_show_the_password_or_the_X_Registry_Auth_value()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string user = session.Engine.RegistryUser;
            string password = session.Engine.RegistryPassword;
            // The login stays: DOCKER_CONFIG is this test process's own, and tests running beside this one rely on it.
            RunResult result = session.Run(@"
                $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'
                $credential = [pscredential]::new($user, (ConvertTo-SecureString $password -AsPlainText -Force))
                Connect-ContainerRegistry -Registry $TestRegistry -Credential $credential
                $target = ""$TestRegistry/$Prefix/debug:1""
                Add-ContainerImageTag -Name $TestImage -Tag $target
                Invoke-ImagePush -Name $target
                Remove-ContainerImage -Name $target | Out-Null",
                Vars(("user", user), ("password", password))).AssertNoErrors();

            // The header value the push sent, computed by the module's own encoder, and the basic login's form.
            RunResult header = session.Run(@"
                $credential = [Containers.Engine.Credentials.RegistryCredential]::new($user, $password)
                [Containers.Engine.Credentials.RegistryAuthHeader]::Encode($credential, $TestRegistry)
                [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(""$($user):$password""))",
                Vars(("user", user), ("password", password))).AssertNoErrors();
            string[] secrets = header.Output.Select(item => (string)item.BaseObject).Append(password).ToArray();
            Assert.Equal(3, secrets.Length);

            Assert.Contains(result.Debug, line => RequestLine.Match(line) is { Success: true } m
                && m.Groups[1].Value == "POST" && m.Groups[2].Value.StartsWith("/v1.41/images/", StringComparison.Ordinal)
                && m.Groups[2].Value.Contains(session.Prefix, StringComparison.Ordinal) && m.Groups[2].Value.EndsWith("/push", StringComparison.Ordinal));
            string everything = string.Join("\n", result.Debug.Concat(result.Verbose).Concat(result.Warnings)
                .Concat(result.Information.Select(record => record.MessageData?.ToString() ?? string.Empty))
                .Concat(result.Output.Select(item => item?.ToString() ?? string.Empty)));
            foreach (string secret in secrets)
            {
                Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("X-Registry-Auth", everything, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Authorization", everything, StringComparison.OrdinalIgnoreCase);
        }

        private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) =>
            values.ToDictionary(value => value.Name, value => value.Value);
    }
}
