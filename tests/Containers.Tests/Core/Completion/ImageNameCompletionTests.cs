using System.Collections;
using Containers.Completion;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Completion
{
    public class ImageNameCompletionTests : EngineTest
    {
        private static readonly EngineNameCompleter ImageNames = EngineCompleters.ImageNames.WithTimeLimit(CompletionAssert.Patient);

        [Fact]
        public async Task Images_complete_as_repository_colon_tag_filtered_by_what_was_typed()
        {
            string repository = "localhost/" + PrivateEngine.UniqueName("cmpimg");
            await EngineObjects.TagTestImageAsync(Client, repository, "1.0");
            await EngineObjects.TagTestImageAsync(Client, repository, "2.0");
            await EngineObjects.TagTestImageAsync(Client, repository + "-other", "latest");
            try
            {
                var bound = new Hashtable { ["Engine"] = Engine };

                IReadOnlyList<CompletionItem> items = ImageNames.Complete(repository + ":", bound, "no-session");
                Assert.Equal(new[] { repository + ":1.0", repository + ":2.0" }, items.Select(i => i.CompletionText));
                CompletionAssert.WellFormed(items);
                Assert.Contains("B", items[0].ToolTip); // the size, as docker prints it

                Assert.Equal(3, ImageNames.Complete(repository.ToUpperInvariant(), bound, "no-session").Count);
                Assert.Equal(new[] { repository + ":2.0" }, ImageNames.Complete(repository + ":*2", bound, "no-session").Select(i => i.CompletionText));
                Assert.Contains(TestImage.Reference, ImageNames.Complete("localhost/containers-test/", bound, "no-session").Select(i => i.CompletionText));
            }
            finally
            {
                await EngineObjects.UntagImageAsync(Client, repository + ":1.0");
                await EngineObjects.UntagImageAsync(Client, repository + ":2.0");
                await EngineObjects.UntagImageAsync(Client, repository + "-other:latest");
            }
        }
    }
}
