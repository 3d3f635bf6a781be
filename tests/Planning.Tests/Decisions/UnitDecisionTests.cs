using LearningWeek.Planning.Units;
using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests.Decisions;

public sealed class UnitDecisionTests
{
    [Fact]
    public void Registering_a_unit_records_its_code_name_kind_and_ward()
    {
        var decision = RegisterUnit.Decide(new RegisterUnit.Request("TH-TAMHUNG", " Trường Tiểu học Tam Hưng ", UnitKind.Primary, null), Given.Officer, Given.Now);

        DecisionAssert.Emits(decision,
            new UnitRegistered(Unit.StreamId("TH-TAMHUNG"), "TH-TAMHUNG", "Trường Tiểu học Tam Hưng", UnitKind.Primary, "HP-NAMTRIEU", Given.Now, "ward-officer"));
    }

    [Fact]
    public void An_officer_cannot_register_a_unit_in_another_ward()
    {
        var decision = RegisterUnit.Decide(new RegisterUnit.Request("TH-X", "Trường X", UnitKind.Primary, "HP-OTHER"), Given.Officer, Given.Now);

        DecisionAssert.Fails(decision, 403);
    }

    [Fact]
    public void Renaming_to_the_same_name_changes_nothing()
    {
        var unit = Given.UnitOf("TH-LAPLE");

        DecisionAssert.EmitsNothing(ChangeUnit.Rename(unit, new ChangeUnit.RenameRequest(unit.Name), Given.Officer, Given.Now));
    }

    [Fact]
    public void A_deactivated_unit_cannot_be_renamed()
    {
        var unit = Given.UnitOf("TH-LAPLE").Apply(new UnitDeactivated(Unit.StreamId("TH-LAPLE"), "TH-LAPLE", "HP-NAMTRIEU", "Sáp nhập", Given.Now, "ward-officer"));

        DecisionAssert.Fails(ChangeUnit.Rename(unit, new ChangeUnit.RenameRequest("Tên mới"), Given.Officer, Given.Now), 409, "unit-deactivated");
    }

    [Fact]
    public void Deactivating_records_the_reason_and_a_second_time_changes_nothing()
    {
        var unit = Given.UnitOf("MN-PHUCLE");

        var e = DecisionAssert.Emits<UnitDeactivated>(ChangeUnit.Deactivate(unit, new ChangeUnit.DeactivateRequest("Sáp nhập vào MN Tam Hưng"), Given.Officer, Given.Now));
        Assert.Equal("Sáp nhập vào MN Tam Hưng", e.Reason);
        DecisionAssert.EmitsNothing(ChangeUnit.Deactivate(unit.Apply(e), new ChangeUnit.DeactivateRequest("lại"), Given.Officer, Given.Now));
    }

    [Fact]
    public void Only_an_officer_of_the_units_ward_may_change_it()
    {
        DecisionAssert.Fails(ChangeUnit.Rename(Given.UnitOf("TH-LAPLE"), new ChangeUnit.RenameRequest("X"), Given.OtherWardOfficer, Given.Now), 403);
    }
}
