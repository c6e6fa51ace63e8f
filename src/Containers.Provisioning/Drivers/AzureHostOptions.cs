namespace Containers.Provisioning.Drivers
{
    /// <summary>
    /// New-ContainerHost -Driver Azure's parameters, as plain values: the Azure driver loads apart from the module (its
    /// own load context), so what crosses to it is strings, never an Azure type.
    /// </summary>
    public sealed class AzureHostOptions
    {
        /// <summary>The subscription to make the host in; AZURE_SUBSCRIPTION_ID when left out.</summary>
        public string? SubscriptionId { get; set; }

        /// <summary>The Azure region, for example westeurope.</summary>
        public string? Location { get; set; }

        /// <summary>The VM size; <see cref="DefaultSize"/> when left out.</summary>
        public string? Size { get; set; }

        /// <summary>The resource group to make (it must not exist: removing the host deletes it); containers-NAME when left out.</summary>
        public string? ResourceGroupName { get; set; }

        /// <summary>Addresses or CIDR ranges allowed to reach SSH (22) and the engine (2376); the caller's address when left out.</summary>
        public IReadOnlyList<string>? AllowedSourceAddress { get; set; }

        /// <summary>An Entra access token for https://management.azure.com (for example (Get-AzAccessToken).Token); never written anywhere.</summary>
        public string? AccessToken { get; set; }

        public const string DefaultSize = "Standard_B2s";
    }
}
