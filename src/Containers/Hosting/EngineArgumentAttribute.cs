using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Containers.Engines;
using Containers.Models;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// Lets -Engine take a ContainerEngine object, an address (unix://, npipe://, tcp://, host:port), a host of the host store or a docker context
    /// name, and hands the cmdlet a ContainerEngine either way. One engine only, for now: several (-Engine a, b) are refused
    /// rather than read as one context named 'System.Object[]'; a one-element array is that element.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EngineArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = Unwrap(inputData);
            if (!(value is string) && value is IEnumerable many)
            {
                List<object?> values = many.Cast<object?>().Select(Unwrap).ToList();
                if (values.Count != 1)
                {
                    throw new ArgumentTransformationMetadataException(
                        $"-Engine takes one engine for now, and {values.Count} were given ({string.Join(", ", values.Select(Describe))}). "
                        + "To act on several, run the command once per engine: 'a', 'b' | ForEach-Object { Get-Container -Engine $_ }.");
                }

                value = values[0];
            }

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

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string Describe(object? value) => value is ContainerEngine engine ? "'" + engine.Name + "'" : "'" + value + "'";
    }
}
