using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Views;
using Xunit;

namespace Containers.PowerShell.Tests.Secrets
{
    /// <summary>
    /// The secret and config cmdlets in PowerShell against the swarm test engine (with -Engine): binding, pipelines, the
    /// value of a secret nowhere in any stream or serialization, a service reading the bytes given, errors, views,
    /// completion and -WhatIf. Each test removes what it made (names start with $Prefix).
    /// </summary>
    public sealed class SecretCmdletTests
    {
        private const string Value = "Value-0f-The-S3cret-\u20ac";

        private static async Task<(ModuleSession Session, SwarmTestEngineProcess Swarm, Dictionary<string, object?> Variables)> StartAsync()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            ModuleSession session = await ModuleSession.StartAsync();
            return (session, swarm, new Dictionary<string, object?> { ["SwarmHost"] = swarm.DockerHost, ["SwarmImage"] = swarm.Image, ["Value"] = Value });
        }

        // What each test made on the swarm: its services first (they hold secrets and configs), then the rest, waiting
        // for the service's task to let go.
        private static void CleanUp(ModuleSession session, Dictionary<string, object?> variables) =>
            session.Run(@"
                & docker --config (Join-Path ([IO.Path]::GetTempPath()) ""$Prefix-cli"") -H $SwarmHost service ls -q --filter ""name=$Prefix"" |
                    ForEach-Object { & docker --config (Join-Path ([IO.Path]::GetTempPath()) ""$Prefix-cli"") -H $SwarmHost service rm $_ | Out-Null }
                $deadline = [DateTime]::UtcNow.AddMinutes(3)
                do {
                    $Error.Clear()
                    Get-ContainerSecret -Engine $SwarmHost -Name ""$Prefix*"" | Remove-ContainerSecret -ErrorAction SilentlyContinue
                    Get-ContainerConfig -Engine $SwarmHost -Name ""$Prefix*"" | Remove-ContainerConfig -ErrorAction SilentlyContinue
                    $left = @(Get-ContainerSecret -Engine $SwarmHost -Name ""$Prefix*"") + @(Get-ContainerConfig -Engine $SwarmHost -Name ""$Prefix*"")
                    if ($left.Count -gt 0) { Start-Sleep -Milliseconds 200 }
                } while ($left.Count -gt 0 -and [DateTime]::UtcNow -lt $deadline)", variables);

        [Fact]
        public async Task A_secret_from_a_SecureString_is_found_by_name_and_wildcard_and_its_value_is_in_no_stream_view_or_serialization()
        {
            (ModuleSession session, _, Dictionary<string, object?> variables) = await StartAsync();
            using (session)
            {
                try
                {
                    RunResult made = session.Run(@"
                        $secure = ConvertTo-SecureString -String $Value -AsPlainText -Force
                        $secret = $secure | New-ContainerSecret -Name ""$Prefix-db"" -Label @{ tier = 'db' } -Engine $SwarmHost -Verbose -Debug
                        $secret
                        Get-ContainerSecret -Engine $SwarmHost -Name ""$Prefix-db"" -Verbose -Debug
                        Get-ContainerSecret -Engine $SwarmHost -Name ""$Prefix-*"" -Label tier=db
                        Get-ContainerSecret -Engine $SwarmHost -Name $secret.Id.Substring(0, 8)
                        $secret | Format-List * | Out-String -Width 200
                        $secret | Format-Table * | Out-String -Width 300
                        $secret | ConvertTo-Json -Depth 5
                        $secret | ConvertTo-Csv
                        [System.Management.Automation.PSSerializer]::Serialize($secret, 5)
                        $secret.ToString()
                        ($secret.PSObject.Properties.Name | Sort-Object) -join ','", variables);
                    made.AssertNoErrors();
                    PSObject[] secrets = made.Output.Where(o => o.TypeNames[0] == "Containers.Models.ContainerSecret").ToArray();
                    Assert.Equal(4, secrets.Length);
                    Assert.All(secrets, s => Assert.Equal(session.Prefix + "-db", s.Properties["Name"].Value));
                    Assert.All(secrets, s => Assert.Equal(secrets[0].Properties["Id"].Value, s.Properties["Id"].Value));
                    Assert.Equal("tier=db", secrets[0].Properties["Labels"].Value.ToString());
                    Assert.Equal("Created,Driver,Engine,Id,Labels,Name,ShortId,Updated,Version", made.Output.Last().ToString()); // no value property at all
                    Assert.Contains(made.Verbose, line => line.Contains("Created secret " + session.Prefix + "-db", StringComparison.Ordinal));
                    Assert.Contains(made.Debug, line => line.Contains("/secrets/create", StringComparison.Ordinal));

                    string everything = string.Join("\n", made.Output.Select(o => o.ToString()).Concat(made.Verbose).Concat(made.Debug).Concat(made.Warnings));
                    Assert.Contains("tier", everything);
                    AssertValueAbsent(everything);
                }
                finally
                {
                    CleanUp(session, variables);
                }
            }
        }

        [Fact]
        public async Task A_service_reads_a_secret_made_from_a_relative_path_and_removal_is_refused_naming_the_service()
        {
            (ModuleSession session, _, Dictionary<string, object?> variables) = await StartAsync();
            using TemporaryFolder folder = new TemporaryFolder();
            byte[] data = Enumerable.Range(0, 70000).Select(i => (byte)(i * 13 % 256)).ToArray();
            File.WriteAllBytes(Path.Combine(folder.Path, "key.bin"), data);
            variables["Folder"] = folder.Path;
            using (session)
            {
                try
                {
                    RunResult result = session.Run(@"
                        Push-Location $Folder
                        try { New-ContainerSecret -Name ""$Prefix-key"" -Path ./key.bin -Engine $SwarmHost | Out-Null } finally { Pop-Location }
                        $cli = Join-Path ([IO.Path]::GetTempPath()) ""$Prefix-cli""
                        & docker --config $cli -H $SwarmHost service create --detach --no-resolve-image --name ""$Prefix-svc"" --secret ""$Prefix-key"" $SwarmImage sleep 3600 | Out-Null
                        if ($LASTEXITCODE -ne 0) { throw 'docker service create failed' }
                        $deadline = [DateTime]::UtcNow.AddMinutes(3)
                        do {
                            $task = Get-Container -Engine $SwarmHost -Filter @{ label = ""com.docker.swarm.service.name=$Prefix-svc"" } | Select-Object -First 1
                            if (-not $task) { Start-Sleep -Milliseconds 200 }
                        } until ($task -or [DateTime]::UtcNow -gt $deadline)
                        (Invoke-ContainerCommand -Engine $SwarmHost -Name $task.Name -Command sha256sum, ""/run/secrets/$Prefix-key"" -PassThru).Output
                        Remove-ContainerSecret -Engine $SwarmHost -Name ""$Prefix-key""
                        @(Get-ContainerSecret -Engine $SwarmHost -Name ""$Prefix-key"").Count", variables);
                    Assert.Null(result.Terminating);
                    Assert.StartsWith(Sha256(data) + "  /run/secrets/" + session.Prefix + "-key", result.Output[0].ToString(), StringComparison.Ordinal);
                    ErrorRecord refused = Assert.Single(result.Errors);
                    Assert.StartsWith("SecretInUse", refused.FullyQualifiedErrorId, StringComparison.Ordinal);
                    Assert.Equal(ErrorCategory.ResourceBusy, refused.CategoryInfo.Category);
                    Assert.Equal($"The secret '{session.Prefix}-key' is in use by service '{session.Prefix}-svc' and was not removed.", refused.ErrorDetails.Message);
                    Assert.Equal(1, result.Output[1].BaseObject);
                }
                finally
                {
                    CleanUp(session, variables);
                }
            }
        }

        [Fact]
        public async Task Conflict_not_found_a_missing_file_and_an_engine_outside_a_swarm_are_clear_errors_that_never_show_the_value()
        {
            (ModuleSession session, _, Dictionary<string, object?> variables) = await StartAsync();
            using (session)
            {
                try
                {
                    RunResult result = session.Run(@"
                        $secure = ConvertTo-SecureString -String $Value -AsPlainText -Force
                        New-ContainerSecret -Name ""$Prefix-taken"" -Value $secure -Engine $SwarmHost | Out-Null
                        New-ContainerSecret -Name ""$Prefix-taken"" -Value $secure -Engine $SwarmHost -Verbose -Debug -ErrorAction Continue
                        Get-ContainerSecret -Engine $SwarmHost -Name ""$Prefix-none"", ""$Prefix-none*""
                        Remove-ContainerConfig -Engine $SwarmHost -Name ""$Prefix-none""
                        New-ContainerSecret -Name ""$Prefix-nofile"" -Path (Join-Path ([IO.Path]::GetTempPath()) ""$Prefix-missing.txt"") -Engine $SwarmHost
                        @(Get-ContainerSecret -Engine $SwarmHost -Name ""$Prefix-nofile"" -ErrorAction SilentlyContinue).Count", variables);
                    Assert.Null(result.Terminating);
                    Assert.Equal(4, result.Errors.Count);
                    AssertError(result.Errors[0], "SecretNameInUse", ErrorCategory.ResourceExists, session.Prefix + "-taken");
                    AssertError(result.Errors[1], "SecretNotFound", ErrorCategory.ObjectNotFound, session.Prefix + "-none");
                    AssertError(result.Errors[2], "ConfigNotFound", ErrorCategory.ObjectNotFound, session.Prefix + "-none");
                    AssertError(result.Errors[3], "FileNotFound", ErrorCategory.ObjectNotFound, Path.Combine(Path.GetTempPath(), session.Prefix + "-missing.txt"));
                    Assert.Contains(session.Prefix + "-missing.txt", result.Errors[3].ToString());
                    Assert.Equal(0, result.Output.Last().BaseObject);
                    AssertValueAbsent(string.Join("\n", result.Errors.Select(e => e + " " + e.Exception + " " + e.ErrorDetails + " " + e.TargetObject + " " + e.CategoryInfo)
                        .Concat(result.Verbose).Concat(result.Debug)));

                    // The session's own engine is the private one, never in a swarm.
                    IReadOnlyList<ErrorRecord> offSwarm = session.Run("Get-ContainerSecret; New-ContainerConfig -Name \"$Prefix-x\" -Value x").AllErrors;
                    Assert.Equal(2, offSwarm.Count);
                    Assert.All(offSwarm, e => Assert.StartsWith("NotSwarmManager,", e.FullyQualifiedErrorId, StringComparison.Ordinal));
                    Assert.All(offSwarm, e => Assert.Equal(ErrorCategory.InvalidOperation, e.CategoryInfo.Category));
                }
                finally
                {
                    CleanUp(session, variables);
                }
            }
        }

        [Fact]
        public async Task Configs_show_their_text_pipe_into_Remove_and_WhatIf_changes_nothing()
        {
            (ModuleSession session, _, Dictionary<string, object?> variables) = await StartAsync();
            using (session)
            {
                try
                {
                    RunResult result = session.Run(@"
                        New-ContainerConfig -Name ""$Prefix-nginx"" -Value ""server { listen 80; }`n"" -Engine $SwarmHost -WhatIf
                        @(Get-ContainerConfig -Engine $SwarmHost -Name ""$Prefix*"").Count
                        ""server { listen 80; }`n"" | New-ContainerConfig -Name ""$Prefix-nginx"" -Engine $SwarmHost | Format-List | Out-String -Width 120
                        Get-ContainerConfig -Engine $SwarmHost -Name ""$Prefix-nginx"" | Remove-ContainerConfig -WhatIf
                        (Get-ContainerConfig -Engine $SwarmHost -Name ""$Prefix-nginx"").Data
                        (Get-ContainerConfig -Engine $SwarmHost -Name ""$Prefix-ng*"" | Remove-ContainerConfig -Verbose -PassThru).Data
                        @(Get-ContainerConfig -Engine $SwarmHost -Name ""$Prefix*"").Count", variables);
                    result.AssertNoErrors();
                    Assert.Equal(0, result.Output[0].BaseObject);
                    string list = result.Output[1].ToString();
                    Assert.Contains("Data    : server { listen 80; }", list);
                    Assert.Contains("Size    : 22", list);
                    Assert.Equal("server { listen 80; }\n", result.Output[2].ToString());
                    Assert.Equal("server { listen 80; }\n", result.Output[3].ToString()); // -PassThru: the config as it was
                    Assert.Equal(0, result.Output[4].BaseObject);
                    Assert.Contains($"Removed config {session.Prefix}-nginx.", result.Verbose);
                }
                finally
                {
                    CleanUp(session, variables);
                }
            }
        }

        [Fact]
        public async Task Tables_fit_80_and_120_columns_and_names_complete()
        {
            (ModuleSession session, SwarmTestEngineProcess swarm, Dictionary<string, object?> variables) = await StartAsync();
            using (session)
            {
                try
                {
                    RunResult result = session.Run(@"
                        $secure = ConvertTo-SecureString -String $Value -AsPlainText -Force
                        New-ContainerSecret -Name ""$Prefix-alpha"" -Value $secure -Engine $SwarmHost | Out-Null
                        New-ContainerSecret -Name ""$Prefix-a-name-cut-at-80-whole-at-120"" -Value $secure -Engine $SwarmHost | Out-Null
                        New-ContainerConfig -Name ""$Prefix-conf"" -Value 'a=1' -Engine $SwarmHost | Out-Null
                        Get-ContainerSecret -Engine $SwarmHost -Name ""$Prefix*"" | Out-String -Width 80
                        Get-ContainerSecret -Engine $SwarmHost -Name ""$Prefix*"" | Out-String -Width 120
                        Get-ContainerConfig -Engine $SwarmHost -Name ""$Prefix*"" | Out-String -Width 80", variables);
                    result.AssertNoErrors();
                    RenderedTable narrow = RenderedTable.Parse(result.Output[0].ToString());
                    RenderedTable wide = RenderedTable.Parse(result.Output[1].ToString());
                    RenderedTable configs = RenderedTable.Parse(result.Output[2].ToString());
                    string longName = session.Prefix + "-a-name-cut-at-80-whole-at-120";
                    Assert.Equal(new[] { "Id", "Name", "Driver", "Created", "Updated" }, narrow.Labels);
                    Assert.Equal(new[] { "Id", "Name", "Driver", "Created", "Updated" }, wide.Labels);
                    Assert.Equal(2, narrow.Rows.Count);
                    Assert.All(narrow.Rows, row => Assert.EndsWith(" ago", row.TrimEnd(), StringComparison.Ordinal)); // the times whole, the name cut
                    Assert.Equal(session.Prefix + "-alpha", wide.Cell(session.Prefix + "-alpha", "Name"));
                    Assert.Matches(@"^[0-9a-z]{12}$", wide.Cell(session.Prefix + "-alpha", "Id"));
                    Assert.Matches(@"^(Less than a second|1 second|\d+ seconds|About a minute|\d+ minutes) ago$", wide.Cell(session.Prefix + "-alpha", "Created"));
                    Assert.Matches(@"ago$", wide.Cell(session.Prefix + "-alpha", "Updated"));
                    Assert.Equal(string.Empty, wide.Cell(session.Prefix + "-alpha", "Driver"));
                    Assert.True(narrow.Width <= 80, narrow.Text);
                    Assert.True(wide.Width <= 120, wide.Text);
                    Assert.Equal(longName, wide.Cell(longName, "Name"));
                    Assert.Equal(new[] { "Id", "Name", "Size", "Created", "Updated" }, configs.Labels);
                    Assert.Matches(@" 3B (Less|About|\d)", Assert.Single(configs.Rows));

                    Assert.Equal(new[] { longName, session.Prefix + "-alpha" },
                        session.Complete($"Remove-ContainerSecret -Engine {swarm.DockerHost} -Name {session.Prefix}-a").Select(c => c.CompletionText));
                    Assert.Equal(new[] { session.Prefix + "-conf" },
                        session.Complete($"Get-ContainerConfig -Engine {swarm.DockerHost} -Name {session.Prefix}-").Select(c => c.CompletionText));
                }
                finally
                {
                    CleanUp(session, variables);
                }
            }
        }

        private static void AssertError(ErrorRecord error, string id, ErrorCategory category, string target)
        {
            Assert.StartsWith(id + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Equal(target, error.TargetObject?.ToString());
        }

        private static void AssertValueAbsent(string text)
        {
            Assert.DoesNotContain(Value, text, StringComparison.Ordinal);
            Assert.DoesNotContain("S3cret", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Value)), text, StringComparison.Ordinal);
        }

        private static string Sha256(byte[] data) =>
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data)).ToLowerInvariant();
    }
}
