using Containers.Engine.Errors;
using Containers.Errors;
using Containers.Output;
using Xunit;

namespace Containers.Tests.Core.Errors
{
    /// <summary>The engine's container conflicts (moby's wording, as dockerd 20.10 sends them) name the container as the user gave it.</summary>
    public class ContainerConflictMessageTests
    {
        private const string Id = "56120ba8c3d1e7f2a9b04c6d8e1f3a5b7c9d0e2f4a6b8c0d1e3f5a7b9c2d4e6f";

        [Theory]
        [InlineData("Container " + Id + " is not running", "Container 'web' (56120ba8c3d1) is not running")]
        [InlineData("Container " + Id + " is not paused", "Container 'web' (56120ba8c3d1) is not paused")]
        [InlineData("You cannot remove a running container " + Id + ". Stop the container before attempting removal or force remove",
            "You cannot remove a running container 'web' (56120ba8c3d1). Stop the container before attempting removal or force remove")]
        public void The_id_reads_as_the_name_the_user_gave(string message, string expected)
        {
            CommandError error = ErrorClassifier.Classify(new EngineConflictException(message), "web");
            Assert.Equal("ContainerConflict", error.ErrorId);
            Assert.Equal(expected, error.Message);
            Assert.Equal("web", error.Target);
        }

        [Theory]
        [InlineData("Container 5612 is not running", "5612")]
        [InlineData("Container " + Id + " is not running", "56120ba8")]
        [InlineData("Conflict. The container name \"/web\" is already in use by container \"" + Id + "\".", "web")]
        public void A_message_that_names_the_target_already_or_no_single_full_id_is_kept(string message, string target)
        {
            Assert.Equal(message, ErrorClassifier.Classify(new EngineConflictException(message), target).Message);
        }

        [Fact]
        public void Other_resources_and_targets_that_are_no_name_keep_the_engine_words()
        {
            string message = "Container " + Id + " is not running";
            Assert.Equal(message, ErrorClassifier.Classify(new EngineConflictException(message), null).Message);
            Assert.Equal(message, ErrorClassifier.Classify(new EngineConflictException(message), "net", "Network").Message);
        }
    }
}
