@{
    RootModule           = 'Containers.psm1'
    NestedModules        = @('Containers.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '5f0c4a3e-7d1b-4f8e-9a62-3c1d2b8e9f41'
    Author               = 'Containers contributors'
    CompanyName          = 'Containers contributors'
    Copyright            = '(c) Containers contributors. All rights reserved.'
    Description          = 'Administer containers, images and the machines that run them: typed objects and the pipeline instead of the docker CLI''s text.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('Containers.format.ps1xml')
    TypesToProcess       = @('Containers.types.ps1xml')
    CmdletsToExport      = @(
        'Add-ContainerImageTag'
        'Connect-ContainerEngine'
        'Connect-ContainerNetwork'
        'Connect-ContainerRegistry'
        'ConvertTo-ContainerImage'
        'Copy-ContainerItem'
        'Disconnect-ContainerEngine'
        'Disconnect-ContainerNetwork'
        'Disconnect-ContainerRegistry'
        'Enter-Container'
        'Export-Container'
        'Export-ContainerImage'
        'Find-ContainerImage'
        'Get-Container'
        'Get-ContainerChange'
        'Get-ContainerDetail'
        'Get-ContainerDiskUsage'
        'Get-ContainerEngine'
        'Get-ContainerEvent'
        'Get-ContainerHost'
        'Get-ContainerImage'
        'Get-ContainerImageDetail'
        'Get-ContainerImageHistory'
        'Get-ContainerLog'
        'Get-ContainerNetwork'
        'Get-ContainerProcess'
        'Get-ContainerRegistry'
        'Get-ContainerRegistryTag'
        'Get-ContainerStatistics'
        'Get-ContainerVolume'
        'Import-ContainerImage'
        'Invoke-ContainerCommand'
        'Invoke-ContainerImage'
        'Invoke-ImageBuild'
        'Invoke-ImagePull'
        'Invoke-ImagePush'
        'New-Container'
        'New-ContainerEngine'
        'New-ContainerHost'
        'New-ContainerNetwork'
        'New-ContainerVolume'
        'Remove-Container'
        'Remove-ContainerHost'
        'Remove-ContainerImage'
        'Remove-ContainerNetwork'
        'Remove-ContainerVolume'
        'Rename-Container'
        'Restart-Container'
        'Restart-ContainerHost'
        'Resume-Container'
        'Start-Container'
        'Start-ContainerHost'
        'Stop-Container'
        'Stop-ContainerHost'
        'Suspend-Container'
        'Test-ContainerEngine'
        'Update-Container'
        'Update-ContainerHostCertificate'
        'Wait-Container'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    DscResourcesToExport = @('ContainerVolume', 'ContainerNetwork', 'ContainerImage', 'ContainerRegistryLogin')
    PrivateData          = @{
        PSData = @{
            Tags         = @('Docker', 'Container', 'Containers', 'Linux', 'Windows', 'PSEdition_Desktop', 'PSEdition_Core')
            ProjectUri   = ''
            ReleaseNotes = 'First slice: engine connection and container management.'
        }
    }
}
