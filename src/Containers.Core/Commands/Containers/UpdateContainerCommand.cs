using Containers.Engine.Models;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;

namespace Containers.Commands.Containers
{
    /// <summary>Update-Container: docker update, changing limits and the restart policy of existing containers.</summary>
    public sealed class UpdateContainerCommand : ContainerActionCommand
    {
        private readonly ContainerUpdateRequest _request;
        private readonly string _description;

        /// <summary>Checks every value first: a bad one throws here, before any container is touched.</summary>
        public UpdateContainerCommand(ContainerUpdateOptions options)
        {
            (_request, _description) = options.ToRequest();
        }

        protected override string Action => "Update " + _description;

        protected override async Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            ContainerUpdateResponse response = await engine.Client.Containers.UpdateAsync(target, _request, cancellationToken);
            foreach (string warning in response.Warnings ?? new System.Collections.Generic.List<string>())
            {
                if (!string.IsNullOrWhiteSpace(warning))
                {
                    output.WriteWarning(warning);
                }
            }
        }
    }
}
