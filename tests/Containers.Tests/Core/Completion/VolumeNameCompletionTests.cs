using System.Collections;
using Containers.Completion;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Completion
{
    public class VolumeNameCompletionTests : EngineTest
    {
        private static readonly EngineNameCompleter VolumeNames = EngineCompleters.VolumeNames.WithTimeLimit(CompletionAssert.Patient);

        [Fact]
        public async Task Volume_names_complete_to_name_colon_and_paths_are_left_to_PowerShell()
        {
            string prefix = PrivateEngine.UniqueName("cmpvol");
            await EngineObjects.CreateVolumeAsync(Client, prefix + "-data");
            await EngineObjects.CreateVolumeAsync(Client, prefix + "-logs");
            try
            {
                var bound = new Hashtable { ["Engine"] = Engine };

                var items = VolumeNames.Complete(prefix.ToUpperInvariant(), bound, "no-session");
                Assert.Equal(new[] { prefix + "-data:", prefix + "-logs:" }, items.Select(i => i.CompletionText));
                Assert.Equal(new[] { prefix + "-data", prefix + "-logs" }, items.Select(i => i.ListItemText));
                CompletionAssert.WellFormed(items);
                Assert.Equal(new[] { "'" + prefix + "-logs:'" }, VolumeNames.Complete("'" + prefix + "-l", bound, "no-session").Select(i => i.CompletionText));

                // Past the volume name, or a host path: nothing from the engine.
                Assert.Empty(VolumeNames.Complete(prefix + "-data:", bound, "no-session"));
                Assert.Empty(VolumeNames.Complete(prefix + "-data:/va", bound, "no-session"));
                Assert.Empty(VolumeNames.Complete("/var/lib", bound, "no-session"));
                Assert.Empty(VolumeNames.Complete("./src", bound, "no-session"));
                Assert.Empty(VolumeNames.Complete("~/src", bound, "no-session"));
                Assert.Empty(VolumeNames.Complete(@"C:\src", bound, "no-session"));
            }
            finally
            {
                await EngineObjects.RemoveVolumeAsync(Client, prefix + "-data");
                await EngineObjects.RemoveVolumeAsync(Client, prefix + "-logs");
            }
        }
    }
}
