locaton = "northeurope"
