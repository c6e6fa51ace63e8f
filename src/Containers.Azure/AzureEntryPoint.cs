using Containers.Azure.Credentials;
using Containers.Provisioning.AzureTokens;
using Containers.Provisioning.Drivers;

namespace Containers.Azure
{
    /// <summary>
    /// What the module's loader calls, by reflection, once this assembly is loaded in its own context: factories whose
    /// types (Func, <see cref="IAzureTokenSource"/>, <see cref="IHostDriver"/>) all come from the shared
    /// Containers.Core, so nothing of Azure.Core crosses.
    /// </summary>
    public static class AzureEntryPoint
    {
        public static Func<string?, IAzureTokenSource> TokenSourceFactory() => token => AzureTokenSource.ForProcess(token);

        public static Func<AzureHostOptions?, IHostDriver> DriverFactory() => options => new AzureDriver(options);
    }
}
