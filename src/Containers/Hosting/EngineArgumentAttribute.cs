using System;
using System.Management.Automation;
using Containers.Engines;
using Containers.Models;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// Lets -Engine take a ContainerEngine object (or a ContainerEngineInfo), an address (unix://, npipe://, tcp://, host:port), a host of the host store or a docker context
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
                // A snapshot from Get-ContainerEngine stands for its engine; anything else (a name read back from
                // Export-Csv or Export-Clixml, an address, a context) by its text.
                return EngineSelector.ForProcess.FromArgument(value is ContainerEngineInfo info ? info : (object)TextOf(inputData, value), PowerShellSession.Key);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e is Containers.Errors.InvalidParameterException invalid ? invalid.Reason : e.Message, e);
            }
        }

        /// <summary>
        /// A deserialized snapshot (Export-Clixml, job output) is a property bag whose Engine holds the engine's name; any
        /// other deserialized object reads as the text it was serialized with.
        /// </summary>
        private static string TextOf(object inputData, object value)
        {
            if (inputData is PSObject deserialized && value is PSCustomObject)
            {
                return (deserialized.Properties["Engine"]?.Value ?? deserialized).ToString()!;
            }

            return value.ToString()!;
        }
    }
}
