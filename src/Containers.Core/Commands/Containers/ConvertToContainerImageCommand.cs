using Containers.Commands.Targets;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// ConvertTo-ContainerImage: docker commit. Makes an image of a container's filesystem and settings and returns it,
    /// read back from the engine. The new name is checked when the command is made, before anything is sent.
    /// </summary>
    public sealed class ConvertToContainerImageCommand : TargetCommand
    {
        /// <param name="repository">REPOSITORY[:TAG] for the new image, or null for an image without a name.</param>
        /// <param name="tag">The tag, when <paramref name="repository"/> does not carry one.</param>
        /// <exception cref="InvalidParameterException">The repository or tag is malformed (InvalidRepository, InvalidTag).</exception>
        public ConvertToContainerImageCommand(string? repository, string? tag)
            : base(ContainerTargets.Kind)
        {
            if (!string.IsNullOrEmpty(repository))
            {
                NewName = ImageNames.ParseRepositoryAndTag(repository!, tag, "Repository", "Tag");
            }
            else if (!string.IsNullOrEmpty(tag))
            {
                throw new InvalidParameterException("Tag", tag, $"-Tag '{tag}' needs -Repository: an image without a repository has no tag.");
            }
        }

        /// <summary>The new image's name, normalised; null for an image without one.</summary>
        public ImageReference? NewName { get; }

        /// <summary>The commit message, which docker history shows as the step's comment.</summary>
        public string? Message { get; set; }

        public string? Author { get; set; }

        /// <summary>Dockerfile instructions applied to the new image's settings: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, VOLUME, WORKDIR.</summary>
        public IReadOnlyList<string>? Change { get; set; }

        /// <summary>Leave the container running while its filesystem is read (docker commit --pause=false).</summary>
        public bool NoPause { get; set; }

        protected override string Action => NewName != null ? $"Commit to image '{NewName.ToFamiliarString()}'" : "Commit to a new image";

        protected override IReadOnlyList<string> Narrow(string named, IReadOnlyList<string> expanded, ICommandOutput output)
        {
            if (NewName != null && expanded.Count > 1)
            {
                // Each commit would take the name from the one before: only the last image would keep it.
                output.WriteError(ErrorClassifier.Classify(
                    new InvalidParameterException("Name", named, $"'{named}' matches {expanded.Count} containers ({string.Join(", ", expanded)}); a commit to one image name takes one container."),
                    named));
                return new string[0];
            }

            return expanded;
        }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            string id = await engine.Client.Images.CommitAsync(target, Parameters(), cancellationToken);
            output.WriteVerbose($"Committed {target} as {id}.");
            ImageInspect inspect = await engine.Client.Images.InspectAsync(id, cancellationToken);
            output.WriteObject(ContainerImage.FromInspect(inspect, engine, NewName?.ToFamiliarString()));
        }

        private ContainerCommitParameters Parameters()
        {
            var parameters = new ContainerCommitParameters
            {
                Repository = NewName?.FamiliarRepository,
                Tag = NewName?.Tag,
                Comment = Message,
                Author = Author,
                Pause = !NoPause,
            };
            foreach (string change in Change ?? Array.Empty<string>())
            {
                parameters.Changes.Add(change);
            }

            return parameters;
        }
    }
}
