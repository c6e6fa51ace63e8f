using System.Collections;
using Containers.Completion;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Completion
{
    public class NetworkNameCompletionTests : EngineTest
    {
        private static readonly EngineNameCompleter NetworkNames = EngineCompleters.NetworkNames.WithTimeLimit(CompletionAssert.Patient);

        [Fact]
        public async Task Networks_complete_by_name_the_predefined_ones_included()
        {
            string prefix = PrivateEngine.UniqueName("cmpnet");
            string hex = "0x" + System.Guid.NewGuid().ToString("N").Substring(0, 10);
            await EngineObjects.CreateNetworkAsync(Client, prefix + "-front");
            await EngineObjects.CreateNetworkAsync(Client, prefix + "-back");
            await EngineObjects.CreateNetworkAsync(Client, hex);
            try
            {
                var bound = new Hashtable { ["Engine"] = Engine };

                var items = NetworkNames.Complete(prefix, bound, "no-session");
                Assert.Equal(new[] { prefix + "-back", prefix + "-front" }, items.Select(i => i.CompletionText));
                Assert.Contains("bridge", items[0].ToolTip);
                CompletionAssert.WellFormed(items);

                Assert.Equal(new[] { "host" }, NetworkNames.Complete("HO", bound, "no-session").Select(i => i.CompletionText));
                Assert.Equal(new[] { "'" + hex + "'" }, NetworkNames.Complete(hex, bound, "no-session").Select(i => i.CompletionText));
            }
            finally
            {
                await EngineObjects.RemoveNetworkAsync(Client, prefix + "-front");
                await EngineObjects.RemoveNetworkAsync(Client, prefix + "-back");
                await EngineObjects.RemoveNetworkAsync(Client, hex);
            }
        }
    }
}
