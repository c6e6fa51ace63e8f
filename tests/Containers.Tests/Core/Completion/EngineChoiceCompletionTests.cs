using System.Collections;
using Containers.Completion;
using Containers.EngineSelection;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Completion
{
    /// <summary>Completion asks the engine the command would act on: a typed -Engine first, else the session's.</summary>
    public class EngineChoiceCompletionTests : EngineTest
    {
        private static readonly EngineNameCompleter ContainerNames = EngineCompleters.ContainerNames.WithTimeLimit(CompletionAssert.Patient);

        [Fact]
        public async Task An_Engine_typed_as_an_address_is_asked()
        {
            string name = PrivateEngine.UniqueName("cmpe");
            await CreateAsync(new[] { "true" }, name);

            var bound = new Hashtable { ["Engine"] = "unix://" + Private.Dockerd.SocketPath };

            Assert.Equal(new[] { name }, ContainerNames.Complete(name, bound, "no-session").Select(i => i.CompletionText));
        }

        [Fact]
        public async Task Without_Engine_the_session_engine_is_asked_and_a_typed_Engine_wins_over_it()
        {
            string name = PrivateEngine.UniqueName("cmps");
            await CreateAsync(new[] { "true" }, name);
            string session = "completion-test-" + Guid.NewGuid().ToString("N");
            EngineSession.SetDefault(session, Engine);
            try
            {
                Assert.Equal(new[] { name }, ContainerNames.Complete(name, new Hashtable(), session).Select(i => i.CompletionText));
                Assert.Equal(new[] { name }, ContainerNames.Complete(name, null, session).Select(i => i.CompletionText));

                var elsewhere = new Hashtable { ["engine"] = "unix:///tmp/cte-absent-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".sock" };
                Assert.Empty(ContainerNames.Complete(name, elsewhere, session));
            }
            finally
            {
                EngineSession.ClearDefault(session);
            }
        }

        [Fact]
        public void An_Engine_that_names_nothing_usable_gives_nothing_and_no_error()
        {
            Assert.Empty(ContainerNames.Complete("", new Hashtable { ["Engine"] = "no-such-context-" + Guid.NewGuid().ToString("N") }, "no-session"));
            Assert.Empty(ContainerNames.Complete("", new Hashtable { ["Engine"] = new[] { "a", "b" } }, "no-session"));
            Assert.Empty(ContainerNames.Complete("", new Hashtable { ["Engine"] = "ssh://user:password@host" }, "no-session"));
        }
    }
}
