using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Swarm
{
    /// <summary>The swarm test engine the swarm cmdlets' tests share: the module reaches it, and it is a swarm manager.</summary>
    public sealed class SwarmTestEngineTests
    {
        [Fact]
        public async Task The_module_reaches_the_swarm_engine_which_is_a_manager_with_the_test_image()
        {
            SwarmTestEngineProcess swarm = await SwarmTestEngineProcess.GetAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            RunResult result = session.Run(
                "(Get-ContainerEngine -Engine $SwarmHost).HostName; (Get-ContainerImage -Engine $SwarmHost).Name",
                new Dictionary<string, object?> { ["SwarmHost"] = swarm.DockerHost });
            result.AssertNoErrors();
            Assert.Equal(swarm.NodeName, result.Output[0].ToString());
            Assert.Contains(result.Output.Skip(1), name => name.ToString() == swarm.Image);
        }
    }
}
