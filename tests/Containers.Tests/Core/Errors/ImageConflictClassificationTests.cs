using Containers.Engine.Errors;
using Containers.Errors;
using Containers.Output;
using Xunit;

namespace Containers.Tests.Core.Errors
{
    /// <summary>The engine's image-removal refusals (moby's wording, as dockerd 20.10 sends them) as the errors users see.</summary>
    public class ImageConflictClassificationTests
    {
        [Theory]
        [InlineData("conflict: unable to delete 2dc6b95ae63b (cannot be forced) - image is being used by running container 36a198725c8c", "ImageInUse", "-Force does not remove")]
        [InlineData("conflict: unable to delete 2dc6b95ae63b (must be forced) - image is being used by stopped container 36a198725c8c", "ImageInUse", "or use -Force")]
        [InlineData("conflict: unable to remove repository reference \"localhost/a:v1\" (must force) - container 36a198725c8c is using its referenced image 2dc6b95ae63b", "ImageInUse", "take the name off")]
        [InlineData("conflict: unable to delete 2dc6b95ae63b (must be forced) - image is referenced in multiple repositories", "ImageConflict", "every name")]
        [InlineData("conflict: unable to delete 2dc6b95ae63b (cannot be forced) - image has dependent child images", "ImageConflict", "built on it")]
        public void Each_refusal_is_ResourceExists_with_advice_about_images(string message, string errorId, string advice)
        {
            CommandError error = ErrorClassifier.Classify(new EngineConflictException(message), "target", "Image");
            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(ErrorKind.ResourceExists, error.Kind);
            Assert.Equal(message, error.Message);
            Assert.Equal("target", error.Target);
            Assert.Contains(advice, error.RecommendedAction);
        }

        [Fact]
        public void An_image_refusal_reads_as_one_even_from_a_command_about_containers()
        {
            // "running container" in the message must not become the container advice ("Stop the container first").
            CommandError error = ErrorClassifier.Classify(
                new EngineConflictException("conflict: unable to delete 2dc6b95ae63b (cannot be forced) - image is being used by running container 36a198725c8c"), null);
            Assert.Equal("ImageInUse", error.ErrorId);
            Assert.DoesNotContain("Stop the container first", error.RecommendedAction);
        }

        [Fact]
        public void Container_conflicts_read_as_before()
        {
            CommandError running = ErrorClassifier.Classify(new EngineConflictException("You cannot remove a running container abc. Stop the container before attempting removal or force remove"), null);
            Assert.Equal(("ContainerConflict", ErrorKind.ResourceBusy), (running.ErrorId, running.Kind));
            CommandError notRunning = ErrorClassifier.Classify(new EngineConflictException("Container abc is not running"), null);
            Assert.Equal("Start the container first.", notRunning.RecommendedAction);
        }

        [Fact]
        public void Another_conflict_on_an_image_is_an_ImageConflict_without_advice()
        {
            CommandError error = ErrorClassifier.Classify(new EngineConflictException("conflict: something else"), null, "Image");
            Assert.Equal(("ImageConflict", ErrorKind.ResourceExists), (error.ErrorId, error.Kind));
            Assert.Null(error.RecommendedAction);
        }
    }
}
