using System;
using System.Management.Automation;
using Containers.Engines;
using Containers.Models;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// Lets -Engine take a ContainerEngine object, an address (unix://, npipe://, tcp://, host:port), a host of the host store or a docker context
    /// name, and hands the cmdlet a ContainerEngine either way.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EngineArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value == null || value is ContainerEngine)
            {
                return value;
            }

            try
            {
                return EngineSelector.ForProcess.FromArgument(value.ToString()!);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e is Containers.Errors.InvalidParameterException invalid ? invalid.Reason : e.Message, e);
            }
        }
    }
}
