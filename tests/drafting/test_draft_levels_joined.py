"""Levels joined by 和 before one unit (市和区、县民政部门) are one unit of several levels, as 市、县人民政府 is; not a
unit called 市和区部门. Subjects written for these tests."""
from drafting.agencies import subject_units


def test_levels_joined_by_he_stay_with_their_unit():
    assert subject_units("市和区、县民政部门") == [("市和区、县民政部门", None)]


def test_levels_joined_by_he_before_one_of_several_units():
    names = [n for n, _ in subject_units("市和区、县人力资源部门、乡、镇人民政府和街道办事处")]
    assert names == ["市和区、县人力资源部门", "乡、镇人民政府", "街道办事处"]


def test_a_unit_and_the_other_offices_names_that_unit():
    assert subject_units("卫生健康和其他有关部门") == [("卫生健康部门", None)]
    assert subject_units("县民政局和其他有关部门") == [("县民政局", None)]
