using LearningWeek.ApiDefaults.Identity;

namespace LearningWeek.Shared.Tests;

public sealed class CallerTests
{
    private static readonly Caller Officer = new("canbo.vhxh", Roles.WardOfficer, "UBND-NAMTRIEU", "HP-NAMTRIEU");

    [Fact]
    public void A_ward_officer_acts_for_its_own_wards_records_and_is_refused_one_whose_ward_is_unknown()
    {
        Assert.True(Officer.MayWriteFor("TH-TAMHUNG", "HP-NAMTRIEU"));
        Assert.False(Officer.MayWriteFor("TH-TAMHUNG", "HP-OTHER"));
        Assert.False(Officer.MayWriteFor("TH-TAMHUNG", null));
        Assert.False(Officer.MayReadFor("TH-TAMHUNG", null));
        Assert.True(new Caller("TH-TAMHUNG", Roles.Unit, "TH-TAMHUNG", "HP-NAMTRIEU").MayWriteFor("TH-TAMHUNG", null));
    }
}
