using Containers.EngineSelection;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Engines
{
    /// <summary>
    /// New-ContainerEngine: an engine object for -Engine, with its address and TLS, changing nothing in the session.
    /// It does not connect: an engine object may name an engine that is not up yet (Test-ContainerEngine -Engine says
    /// whether it answers). Its certificates, keys and passwords are read and checked now, so a bad one is reported here
    /// rather than by the first command that uses the object. It honours -WhatIf as every New- cmdlet does: the material is
    /// still checked, and no object comes back.
    /// </summary>
    public sealed class NewEngineCommand : EngineChoice
    {
        public NewEngineCommand(EngineSelector selector)
            : base(selector)
        {
        }

        public ContainerEngine? Execute(ICommandOutput output)
        {
            ContainerEngine engine = Choose();
            if (!output.ShouldProcess(engine.Uri, "Create an engine object"))
            {
                return null;
            }

            output.WriteVerbose($"The engine {engine.Uri} ({EngineSelector.DescribeSource(engine)}){(engine.UsesTls ? ", over TLS" : string.Empty)}.");
            output.WriteObject(engine);
            return engine;
        }
    }
}
