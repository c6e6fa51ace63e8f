using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Rename-Container.</summary>
    public sealed class RenameContainerCommand : ContainerActionCommand
    {
        public RenameContainerCommand(string newName)
        {
            NewName = ContainerNames.Validate(newName, "NewName");
        }

        public string NewName { get; }

        protected override string Action => $"Rename to '{NewName}'";

        protected override bool OneContainerOnly => true;

        protected override Task ActAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken) =>
            engine.Client.Containers.RenameAsync(target, NewName, cancellationToken);

        // The old name no longer resolves; -PassThru looks the container up by its new one.
        protected override string TargetAfterAction(string target) => NewName;
    }
}
