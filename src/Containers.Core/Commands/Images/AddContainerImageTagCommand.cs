using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Add-ContainerImageTag: docker tag SOURCE TARGET. Every target is checked and normalised when the command is made,
    /// so a malformed one is refused before anything is sent; -PassThru returns the image under each new name.
    /// </summary>
    public sealed class AddContainerImageTagCommand
    {
        /// <exception cref="InvalidParameterException">A target is malformed (InvalidTag).</exception>
        public AddContainerImageTagCommand(IEnumerable<string> tags)
        {
            Tags = tags.Select(tag => ImageNames.ParseNewName(tag, "Tag")).ToArray();
            if (Tags.Count == 0)
            {
                throw new InvalidParameterException("Tag", null, "Give at least one name to tag the image with.");
            }
        }

        /// <summary>The new names, normalised (a missing tag is latest).</summary>
        public IReadOnlyList<ImageReference> Tags { get; }

        /// <summary>Return the image under each new name.</summary>
        public bool PassThru { get; set; }

        /// <param name="source">The image to tag: repository:tag, an id or an id prefix.</param>
        public async Task ExecuteAsync(ContainerEngine engine, string source, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (ImageReference tag in Tags)
            {
                string name = tag.ToFamiliarString();
                if (!output.ShouldProcess(ImageTargets.Kind.Describe(source, engine), $"Add tag '{name}'"))
                {
                    continue;
                }

                try
                {
                    await engine.Client.Images.TagAsync(source, tag, cancellationToken);
                    output.WriteVerbose($"Tagged {source} as {name}.");
                    if (PassThru)
                    {
                        ImageInspect inspect = await engine.Client.Images.InspectAsync(name, cancellationToken);
                        output.WriteObject(ContainerImage.FromInspect(inspect, engine, name));
                    }
                }
                catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                {
                    output.WriteError(ErrorClassifier.Classify(e, source, ImageTargets.Resource));
                    return; // the source is what failed: the other names would fail the same way
                }
            }
        }
    }
}
