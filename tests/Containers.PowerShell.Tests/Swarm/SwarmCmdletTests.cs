using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Views;
using Xunit;

namespace Containers.PowerShell.Tests.Swarm
{
    /// <summary>
    /// The swarm and node cmdlets through PowerShell, on the shared single-node swarm (-Engine $SwarmHost) and on the
    /// session's own engine, which is in no swarm: binding and pipelines, join tokens kept out of sight unless asked,
    /// stale node objects refused, the refusals as ErrorRecords, the tables at 80 and 120 columns, node name completion.
    /// Nothing here drains, demotes or leaves the shared swarm: -WhatIf, or refusals the engine makes itself.
    /// </summary>
    public sealed class SwarmCmdletTests
    {
        private static Dictionary<string, object?> On(SwarmTestEngineProcess swarm, string? key = null) =>
            new Dictionary<string, object?> { ["SwarmHost"] = swarm.DockerHost, ["Node"] = swarm.NodeName, ["Key"] = key };

        private static string NewKey() => "cte.sdk." + Guid.NewGuid().ToString("N").Substring(0, 8);

        private static void AssertError(ErrorRecord error, string id, ErrorCategory category)
        {
            Assert.StartsWith(id + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(category, error.CategoryInfo.Category);
        }

        [Fact]
        public async Task Join_tokens_are_shown_only_when_asked_and_never_in_the_table()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                $plain = Get-ContainerSwarm -Engine $SwarmHost
                $asked = Get-ContainerSwarm -Engine $SwarmHost -IncludeJoinToken
                $null -eq $plain.WorkerJoinToken -and $null -eq $plain.ManagerJoinToken
                $asked.WorkerJoinToken
                $asked | Out-String -Width 80
                $asked | Out-String -Width 120
                ($asked | Format-List | Out-String -Width 200)
                $plain.Id -eq $asked.Id
                (Get-ContainerSwarmNode -Engine $SwarmHost).Id -eq $plain.NodeId", On(swarm)).AssertNoErrors();

            Assert.True((bool)result.Output[0].BaseObject);
            string token = (string)result.Output[1].BaseObject;
            Assert.StartsWith("SWMTKN-1-", token, StringComparison.Ordinal);
            foreach (int index in new[] { 2, 3 })
            {
                RenderedTable table = RenderedTable.Parse((string)result.Output[index].BaseObject);
                Assert.Equal(new[] { "Id", "NodeId", "Managers", "Nodes", "Created" }, table.Labels);
                Assert.True(table.Width <= (index == 2 ? 80 : 120), table.Text);
                Assert.DoesNotContain("SWMTKN", table.Text, StringComparison.Ordinal);
            }

            Assert.Contains("WorkerJoinToken       : " + token, (string)result.Output[4].BaseObject, StringComparison.Ordinal);
            Assert.True((bool)result.Output[5].BaseObject);
            Assert.True((bool)result.Output[6].BaseObject);
        }

        [Fact]
        public async Task Nodes_bind_by_name_and_property_and_list_like_docker_node_ls_with_the_node_asked_marked()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(@"
                ($Node | Get-ContainerSwarmNode -Engine $SwarmHost).HostName
                ([pscustomobject]@{ HostName = $Node; Engine = $SwarmHost } | Get-ContainerSwarmNode).Role
                (Get-ContainerSwarmNode -Engine $SwarmHost -Name 'cte-sw*', 'nomatch*').Count
                Get-ContainerSwarmNode -Engine $SwarmHost | Out-String -Width 80
                Get-ContainerSwarmNode -Engine $SwarmHost | Out-String -Width 120", On(swarm)).AssertNoErrors();

            Assert.Equal(swarm.NodeName, result.Output[0].BaseObject);
            Assert.Equal("Manager", result.Output[1].BaseObject);
            Assert.Equal(1, result.Output[2].BaseObject);
            foreach ((int index, int width) in new[] { (3, 80), (4, 120) })
            {
                RenderedTable table = RenderedTable.Parse((string)result.Output[index].BaseObject);
                Assert.Equal(new[] { "Id", "HostName", "State", "Availability", "ManagerStatus", "EngineVersion" }, table.Labels);
                Assert.True(table.Width <= width, table.Text);
                Assert.EndsWith(" *", table.Cell(swarm.NodeName, "Id"), StringComparison.Ordinal);
                Assert.Equal(("Ready", "Active", "Leader"), (table.Cell(swarm.NodeName, "State"), table.Cell(swarm.NodeName, "Availability"), table.Cell(swarm.NodeName, "ManagerStatus")));
            }
        }

        [Fact]
        public async Task Piped_nodes_are_set_with_labels_drained_only_with_WhatIf_and_a_stale_object_is_SwarmUpdateConflict()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            string key = NewKey();
            try
            {
                RunResult result = session.Run(@"
                    Get-ContainerSwarmNode -Engine $SwarmHost | Set-ContainerSwarmNode -Availability Drain -WhatIf
                    $Node | Set-ContainerSwarmNode -Engine $SwarmHost -Availability Pause -WhatIf
                    (Get-ContainerSwarmNode -Engine $SwarmHost).Availability
                    $stale = Get-ContainerSwarmNode -Engine $SwarmHost
                    $set = $stale | Set-ContainerSwarmNode -Label @{ $Key = 'first' } -PassThru
                    $set.Labels[$Key]
                    $stale | Set-ContainerSwarmNode -Label @{ $Key = 'second' }
                    (Get-ContainerSwarmNode -Engine $SwarmHost -Name $Node).Labels[$Key]", On(swarm, key));

                Assert.Null(result.Terminating);
                Assert.Equal(new object[] { "Active", "first", "first" }, result.Output.Select(o => o.BaseObject));
                ErrorRecord conflict = Assert.Single(result.Errors);
                AssertError(conflict, "SwarmUpdateConflict", ErrorCategory.InvalidOperation);
                Assert.Contains("Get-ContainerSwarmNode", conflict.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
            }
            finally
            {
                session.Run("Set-ContainerSwarmNode -Engine $SwarmHost -Name $Node -RemoveLabel $Key", On(swarm, key)).AssertNoErrors();
            }
        }

        [Fact]
        public async Task The_refusals_are_ErrorRecords_with_their_ids_and_categories_and_change_nothing()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            (string Script, string Id, ErrorCategory Category)[] cases =
            {
                ("Get-ContainerSwarm", "NotInSwarm", ErrorCategory.InvalidOperation),
                ("Get-ContainerSwarmNode", "NotInSwarm", ErrorCategory.InvalidOperation),
                ("Exit-ContainerSwarm -Confirm:$false", "NotInSwarm", ErrorCategory.InvalidOperation),
                ("Initialize-ContainerSwarm -Engine $SwarmHost -AdvertiseAddress 127.0.0.1", "AlreadyInSwarm", ErrorCategory.ResourceExists),
                ("Join-ContainerSwarm -Engine $SwarmHost -RemoteAddress 127.0.0.1:2377 -Token SWMTKN-1-x", "AlreadyInSwarm", ErrorCategory.ResourceExists),
                ("Exit-ContainerSwarm -Engine $SwarmHost -Confirm:$false", "SwarmManagerLeaveRefused", ErrorCategory.InvalidOperation),
                ("Exit-ContainerSwarm -Engine $SwarmHost", "ConfirmationRequired", ErrorCategory.InvalidOperation),
                ("Get-ContainerSwarmNode -Engine $SwarmHost -Name cte-no-such-node", "SwarmNodeNotFound", ErrorCategory.ObjectNotFound),
                ("Remove-ContainerSwarmNode -Engine $SwarmHost -Name $Node -Force", "SwarmNodeIsSelf", ErrorCategory.InvalidOperation),
                ("Get-ContainerSwarmNode -Engine $SwarmHost | Remove-ContainerSwarmNode", "SwarmNodeIsSelf", ErrorCategory.InvalidOperation),
                ("Set-ContainerSwarmNode -Engine $SwarmHost -Name $Node", "InvalidChange", ErrorCategory.InvalidArgument),
                ("Initialize-ContainerSwarm -Engine $SwarmHost -SubnetSize 26", "InvalidSubnetSize", ErrorCategory.InvalidArgument),
            };
            foreach ((string script, string id, ErrorCategory category) in cases)
            {
                RunResult result = session.Run(script, On(swarm));
                ErrorRecord error = Assert.Single(result.AllErrors);
                AssertError(error, id, category);
                Assert.Empty(result.Output);
            }

            RunResult after = session.Run("Initialize-ContainerSwarm -Engine $SwarmHost -WhatIf; (Get-ContainerEngine -Engine $SwarmHost).SwarmState; (Get-ContainerSwarmNode -Engine $SwarmHost).Count", On(swarm)).AssertNoErrors();
            Assert.Equal(new object[] { "active", 1 }, after.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public async Task Node_names_complete_from_the_manager_the_command_would_use()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            foreach (string command in new[] { "Get-ContainerSwarmNode", "Set-ContainerSwarmNode", "Remove-ContainerSwarmNode" })
            {
                IReadOnlyList<CompletionResult> results = session.Complete($"{command} -Engine {swarm.DockerHost} -Name cte-sw");
                Assert.Equal(new[] { swarm.NodeName }, results.Select(r => r.CompletionText));
                Assert.Contains("Manager, Ready, Active", Assert.Single(results).ToolTip, StringComparison.Ordinal);
            }

            // The session's own engine is in no swarm: nothing to offer, and no error.
            Assert.Empty(session.Complete("Get-ContainerSwarmNode -Name cte-sw"));
        }
    }
}
