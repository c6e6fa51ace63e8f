using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Files
{
    /// <summary>
    /// What Copy-ContainerItem's two directions share: the switches, and one copy per source, each failing on its own
    /// (its error reported, the next source still copied).
    /// </summary>
    public abstract class ContainerCopyCommand
    {
        /// <param name="destination">Where the copy goes: a full host path, or a path inside the container.</param>
        protected ContainerCopyCommand(string destination)
        {
            Destination = destination;
        }

        public string Destination { get; }

        /// <summary>Replace existing files.</summary>
        public bool Force { get; set; }

        /// <summary>When a source is a symbolic link, copy what it points at (docker cp -L).</summary>
        public bool FollowLink { get; set; }

        /// <summary>Return what was copied.</summary>
        public bool PassThru { get; set; }

        /// <param name="container">The container's name or id.</param>
        /// <param name="sources">What to copy: paths inside the container, or full host paths.</param>
        public async Task ExecuteAsync(ContainerEngine engine, string container, IEnumerable<string> sources, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string source in sources)
            {
                try
                {
                    await CopyOneAsync(engine, container, source, output, cancellationToken);
                }
                catch (Exception e) when (Failure(e, container, source) is CommandError error)
                {
                    output.WriteError(error);
                }
            }
        }

        protected abstract Task CopyOneAsync(ContainerEngine engine, string container, string source, ICommandOutput output, CancellationToken cancellationToken);

        /// <summary>How a failure to copy one source reads; null for an exception that is not about that source (it ends the command).</summary>
        protected abstract CommandError? Failure(Exception exception, string container, string source);
    }
}
